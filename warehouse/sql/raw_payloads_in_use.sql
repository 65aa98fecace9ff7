SELECT DISTINCT payload_hash FROM raw_documents;
