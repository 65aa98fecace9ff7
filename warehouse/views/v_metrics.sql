-- Metrics with their article, who published the figure, and the period they cover.
CREATE OR REPLACE VIEW v_metrics AS
SELECT
    m.metric_id,
    m.subject,
    m.value,
    m.unit,
    m.qualifier,
    m.measure,
    m.direction,
    m.period_label,
    m.period_start,
    m.period_end,
    m.compared_with,
    m.geography,
    e.name AS attributed_to,
    m.text,
    m.sentence,
    a.article_id,
    a.title,
    a.published_at,
    a.published_date,
    a.source_name,
    a.wire_agency,
    a.url
FROM metrics m
JOIN articles a USING (article_id)
LEFT JOIN entities e ON e.entity_id = m.attributed_to_entity_id;
