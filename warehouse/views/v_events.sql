-- Events with their place and participants flattened into lists.
CREATE OR REPLACE VIEW v_events AS
WITH people AS (
    SELECT
        p.event_id,
        list(e.name ORDER BY e.name) AS participants,
        list(e.name || ' (' || p.role || ')' ORDER BY e.name) AS participant_roles
    FROM event_participants p
    JOIN entities e ON e.entity_id = p.entity_id
    GROUP BY p.event_id
)
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
    coalesce(people.participants, []) AS participants,
    coalesce(people.participant_roles, []) AS participant_roles,
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
LEFT JOIN people USING (event_id);
