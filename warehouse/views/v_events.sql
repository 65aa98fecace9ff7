-- Events with their place and participants flattened into lists.
CREATE OR REPLACE VIEW v_events AS
SELECT
    ev.event_id,
    ev.event_type,
    ev.summary,
    ev.trigger,
    ev.date_start,
    ev.date_end,
    ev.date_precision,
    loc.name AS location,
    ev.country_code,
    coalesce(list(p_e.name ORDER BY p_e.name) FILTER (WHERE p_e.name IS NOT NULL), [])
        AS participants,
    coalesce(list(p_e.name || ' (' || p.role || ')' ORDER BY p_e.name)
        FILTER (WHERE p_e.name IS NOT NULL), []) AS participant_roles,
    ev.confidence,
    ev.sentence,
    a.article_id,
    a.title,
    a.published_date,
    a.source_name,
    a.wire_agency
FROM events ev
JOIN articles a USING (article_id)
LEFT JOIN entities loc ON loc.entity_id = ev.location_entity_id
LEFT JOIN event_participants p ON p.event_id = ev.event_id
LEFT JOIN entities p_e ON p_e.entity_id = p.entity_id
GROUP BY ALL;
