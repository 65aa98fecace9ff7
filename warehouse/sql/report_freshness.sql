SELECT source_name, last_success_at, now() - last_success_at AS age FROM source_state ORDER BY source_name;
