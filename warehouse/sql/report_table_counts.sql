SELECT 'articles' AS table_name, count(*) AS rows FROM articles
UNION ALL SELECT 'entities', count(*) FROM entities
UNION ALL SELECT 'mentions', count(*) FROM mentions
UNION ALL SELECT 'time_expressions', count(*) FROM time_expressions
UNION ALL SELECT 'events', count(*) FROM events
UNION ALL SELECT 'event_participants', count(*) FROM event_participants
UNION ALL SELECT 'metrics', count(*) FROM metrics
UNION ALL SELECT 'quotes', count(*) FROM quotes
UNION ALL SELECT 'quarantine', count(*) FROM quarantine
UNION ALL SELECT 'rejected_documents', count(*) FROM rejected_documents;
