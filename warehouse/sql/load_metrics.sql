DELETE FROM metrics WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO metrics BY NAME SELECT * FROM batch_metrics;
