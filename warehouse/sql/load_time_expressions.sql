DELETE FROM time_expressions WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO time_expressions BY NAME SELECT * FROM batch_time_expressions;
