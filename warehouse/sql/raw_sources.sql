-- What reprocess replays: every payload a source location gave, oldest first, and the newest
-- copy of every page such payloads linked to.
SELECT raw_id, payload_hash, source_name, origin, role, content_type, charset, fetched_at
FROM raw_documents
WHERE role = 'source' AND fetched_at >= $since
ORDER BY fetched_at, origin;
