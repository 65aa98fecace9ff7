-- The tables this warehouse has, so the report can show an empty state for the missing ones.
SELECT table_name FROM information_schema.tables WHERE table_schema = 'main';
