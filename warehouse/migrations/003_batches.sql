-- Version 3: batch bookkeeping, so a batch loaded twice (a staged batch, a retried load) is one batch.
ALTER TABLE dq_results ADD COLUMN batch_id VARCHAR;
