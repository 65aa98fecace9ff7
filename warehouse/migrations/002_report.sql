-- Wirehouse schema, version 2: what a failed expectation means. `fail` for the table suites,
-- whose failures quarantine rows, and for batch checks configured as such (the run is partial);
-- `warn` for batch checks that are recorded and reported but do not fail the run.
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS severity VARCHAR DEFAULT 'fail';
