DELETE FROM dq_results WHERE batch_id IN (SELECT DISTINCT batch_id FROM batch_dq_results);
INSERT INTO dq_results BY NAME SELECT * FROM batch_dq_results;
