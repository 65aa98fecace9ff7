-- Version 5: people's titles and affiliations ("Vice Minister", "Ministry of Industry and
-- Information Technology"). On entities, the latest article that gives them wins; on mentions,
-- the title as that article gives it.
ALTER TABLE entities ADD COLUMN IF NOT EXISTS title VARCHAR;
ALTER TABLE entities ADD COLUMN IF NOT EXISTS affiliation VARCHAR;
ALTER TABLE entities ADD COLUMN IF NOT EXISTS affiliation_entity_id VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS title VARCHAR;
