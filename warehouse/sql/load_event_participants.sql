INSERT INTO event_participants BY NAME SELECT * FROM batch_event_participants;
