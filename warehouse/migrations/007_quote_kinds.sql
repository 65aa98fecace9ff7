-- Version 7: quotes of every kind. `kind` is direct (a whole statement in quotation marks),
-- mixed (a few quoted words inside the writer's own sentence: called the plan "a disaster") or
-- indirect (reported speech without marks: "X said that ...", "according to X, ..."; `text` is
-- the reported clause). `speaker_rule` names the rule that found the speaker (named, pronoun,
-- role, organisation, previous, ...). Rows written before version 7 all came from quotation
-- marks and count as direct until the article is reprocessed.
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS kind VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_rule VARCHAR;
UPDATE quotes SET kind = 'direct' WHERE kind IS NULL;
