-- Version 6: why a document was rejected, for the reader and for queries: the stage that gave
-- up on it (extract, clean, analyse) and, when code raised or a limit stopped it, the exception
-- class, its message and the function that raised it. Expected rejections ("body too short")
-- leave the error columns NULL. Tracebacks stay in the run's log, not here.
ALTER TABLE rejected_documents ADD COLUMN IF NOT EXISTS stage VARCHAR;
ALTER TABLE rejected_documents ADD COLUMN IF NOT EXISTS error_class VARCHAR;
ALTER TABLE rejected_documents ADD COLUMN IF NOT EXISTS error_message VARCHAR;
ALTER TABLE rejected_documents ADD COLUMN IF NOT EXISTS raised_in VARCHAR;
