-- Each part of an SMS the SMSC took, by the message id it gave, with the outbox message it carries
-- and its delivery receipt once it comes. A receipt can come before its submission is recorded:
-- then its row holds the receipt alone until the submission fills in the rest. No number is kept.
CREATE TABLE sms_submission (
  smsc_message_id   VARCHAR(65)  NOT NULL PRIMARY KEY,
  outbox_message_id BIGINT       NULL,
  part              INT          NULL,
  parts             INT          NULL,
  submitted_at      DATETIME(6)  NULL,
  receipt_status    VARCHAR(16)  NULL,
  receipt_at        DATETIME(6)  NULL,
  INDEX ix_sms_submission_outbox (outbox_message_id)
) ENGINE = InnoDB;
