DELETE FROM mentions WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO mentions BY NAME SELECT * FROM batch_mentions;
