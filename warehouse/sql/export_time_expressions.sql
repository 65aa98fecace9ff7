SELECT t.*, coalesce(a.published_date, CAST(a.first_seen_at AS DATE)) AS published_date
FROM time_expressions t JOIN articles a USING (article_id);
