DELETE FROM dq_results WHERE batch_id IN (SELECT DISTINCT b.batch_id FROM batch_dq_results AS b);
INSERT INTO dq_results BY NAME SELECT * FROM batch_dq_results;
