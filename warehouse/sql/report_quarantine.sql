-- Quarantined rows per table (reason NULL) and per table and reason; a row may have several reasons.
WITH reasons AS (
    SELECT quarantine_id, table_name, unnest(reasons) AS reason, quarantined_at FROM quarantine
)
SELECT
    table_name, reason,
    count(DISTINCT quarantine_id) AS rows,
    max(quarantined_at) AS last_quarantined_at
FROM reasons
GROUP BY GROUPING SETS ((table_name), (table_name, reason))
ORDER BY table_name, reason NULLS FIRST, rows DESC;
