-- The 50 latest documents that could not become articles, with the total count.
SELECT source_name, origin, reason, rejected_at, run_id, count(*) OVER () AS total
FROM rejected_documents
ORDER BY rejected_at DESC, source_name, origin
LIMIT 50;
