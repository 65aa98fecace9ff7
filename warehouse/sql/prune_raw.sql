-- Forget archive entries read before the cutoff; returns their payloads.
DELETE FROM raw_documents WHERE fetched_at < $cutoff RETURNING payload_hash;
