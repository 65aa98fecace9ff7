-- One row per real thing: a later batch can only add aliases and fill a missing country.
INSERT INTO entities BY NAME SELECT * FROM batch_entities
ON CONFLICT (entity_id) DO UPDATE SET
    name = CASE WHEN length(excluded.name) > length(entities.name) THEN excluded.name
                ELSE entities.name END,
    country_code = coalesce(entities.country_code, excluded.country_code),
    aliases = list_sort(list_distinct(list_concat(entities.aliases, excluded.aliases)));
