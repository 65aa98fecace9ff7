-- Up to three of the latest quarantined rows for each table and expectation they failed.
WITH reasons AS (
    SELECT table_name, unnest(reasons) AS reason, row, quarantined_at, quarantine_id
    FROM quarantine
)
SELECT table_name, reason, row, quarantined_at
FROM reasons
QUALIFY row_number() OVER (
    PARTITION BY table_name, reason ORDER BY quarantined_at DESC, quarantine_id
) <= 3
ORDER BY table_name, reason, quarantined_at DESC, quarantine_id;
