-- Which of the batch's candidate articles the warehouse already holds, and with what content.
SELECT article_id, content_hash FROM articles WHERE article_id IN (SELECT article_id FROM candidates);
