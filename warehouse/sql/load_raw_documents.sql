-- The same payload read again from the same place keeps its first sighting.
INSERT INTO raw_documents BY NAME SELECT * FROM batch_raw_documents
ON CONFLICT (raw_id) DO NOTHING;
