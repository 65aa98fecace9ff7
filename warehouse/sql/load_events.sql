DELETE FROM event_participants
WHERE event_id IN (SELECT event_id FROM events WHERE article_id IN (SELECT article_id FROM batch_articles));
DELETE FROM events WHERE article_id IN (SELECT article_id FROM batch_articles);
INSERT INTO events BY NAME SELECT * FROM batch_events;
