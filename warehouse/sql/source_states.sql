SELECT source_name, last_success_at, etag, last_modified, cursor FROM source_state;
