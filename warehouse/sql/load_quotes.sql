DELETE FROM quotes WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO quotes BY NAME SELECT * FROM batch_quotes;
