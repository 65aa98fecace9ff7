-- Every mention with its entity and article (`title` is the article's; a person's is
-- `person_title`, and `mention_title` what this article calls them).
CREATE OR REPLACE VIEW v_entity_mentions AS
SELECT
    e.entity_id,
    e.name,
    e.entity_type,
    e.country_code,
    e.aliases,
    e.title AS person_title,
    e.affiliation,
    e.affiliation_entity_id,
    m.title AS mention_title,
    m.text,
    m.start_char,
    m.end_char,
    m.sentence_index,
    a.article_id,
    a.title,
    a.published_date,
    a.source_name,
    a.wire_agency
FROM mentions m
JOIN entities e USING (entity_id)
JOIN articles a USING (article_id);
