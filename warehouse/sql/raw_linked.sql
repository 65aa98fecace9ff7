SELECT origin, arg_max(payload_hash, fetched_at) AS payload_hash,
       arg_max(content_type, fetched_at) AS content_type, arg_max(charset, fetched_at) AS charset
FROM raw_documents
WHERE role = 'linked'
GROUP BY origin;
