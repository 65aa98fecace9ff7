-- One row per real thing: a later batch can only add aliases and fill a missing country; a
-- person's title and affiliation are those of the latest batch that gives them (a batch without
-- them keeps the stored ones).
-- (The UNION gives frames made before version 5 the new columns, as NULL.)
INSERT INTO entities BY NAME (
    SELECT * FROM batch_entities
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS title, NULL::VARCHAR AS affiliation,
           NULL::VARCHAR AS affiliation_entity_id
    WHERE false
)
ON CONFLICT (entity_id) DO UPDATE SET
    name = CASE WHEN length(excluded.name) > length(entities.name) THEN excluded.name
                ELSE entities.name END,
    country_code = coalesce(entities.country_code, excluded.country_code),
    aliases = list_sort(list_distinct(list_concat(entities.aliases, excluded.aliases))),
    title = coalesce(excluded.title, entities.title),
    affiliation = CASE WHEN excluded.affiliation IS NOT NULL THEN excluded.affiliation
                       ELSE entities.affiliation END,
    affiliation_entity_id = CASE WHEN excluded.affiliation IS NOT NULL
                                 THEN excluded.affiliation_entity_id
                                 ELSE entities.affiliation_entity_id END;
