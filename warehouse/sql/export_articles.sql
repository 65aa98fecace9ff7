SELECT * EXCLUDE (published_date), coalesce(published_date, CAST(first_seen_at AS DATE)) AS published_date
FROM articles;
