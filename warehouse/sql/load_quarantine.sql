INSERT INTO quarantine BY NAME SELECT * FROM batch_quarantine
ON CONFLICT (quarantine_id) DO UPDATE SET run_id = excluded.run_id, reasons = excluded.reasons;
