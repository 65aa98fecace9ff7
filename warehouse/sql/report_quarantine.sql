SELECT table_name, list_sort(list_distinct(flatten(list(reasons)))) AS reasons, count(*) AS rows
FROM quarantine GROUP BY table_name ORDER BY rows DESC;
