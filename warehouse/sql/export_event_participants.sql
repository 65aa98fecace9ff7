SELECT p.*, coalesce(a.published_date, CAST(a.first_seen_at AS DATE)) AS published_date
FROM event_participants p JOIN events e USING (event_id) JOIN articles a USING (article_id);
