-- An article that loads now releases the rows of it quarantined before (after a fix and a
-- reprocess); rows that fail again stay, keyed by their content.
DELETE FROM quarantine
WHERE json_extract_string(row, '$.article_id') IN (SELECT article_id FROM batch_articles)
  AND quarantine_id NOT IN (SELECT q.quarantine_id FROM batch_quarantine AS q);
INSERT INTO quarantine BY NAME SELECT * FROM batch_quarantine
ON CONFLICT (quarantine_id) DO UPDATE SET run_id = excluded.run_id, reasons = excluded.reasons;
