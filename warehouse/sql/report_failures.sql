SELECT run_id, table_name, expectation, unexpected_count, details
FROM dq_results WHERE NOT success ORDER BY run_id DESC, table_name LIMIT 50;
