-- One series per subject, unit, measure and geography across periods: the newest figure per period.
CREATE OR REPLACE VIEW v_metric_series AS
SELECT
    subject,
    unit,
    measure,
    coalesce(geography, '') AS geography,
    period_label,
    min(period_start) AS period_start,
    max(period_end) AS period_end,
    arg_max(value, coalesce(published_at, TIMESTAMPTZ '1970-01-01')) AS value,
    arg_max(article_id, coalesce(published_at, TIMESTAMPTZ '1970-01-01')) AS article_id,
    max(published_at) AS reported_at,
    count(*) AS reports
FROM v_metrics
WHERE subject IS NOT NULL
GROUP BY ALL;
