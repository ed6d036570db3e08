-- Data kept only as long as it serves (simbundle.retention.*): one-time codes a day, self-care
-- sessions until they expire, delivered outbox messages and SMS receipts for a set number of days.
-- The retention job deletes by age, so the age columns are indexed.
ALTER TABLE one_time_code ADD INDEX ix_one_time_code_created (created_at);
ALTER TABLE sms_submission ADD INDEX ix_sms_submission_submitted (submitted_at);
