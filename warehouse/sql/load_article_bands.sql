DELETE FROM article_bands WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO article_bands BY NAME SELECT * FROM batch_article_bands;
