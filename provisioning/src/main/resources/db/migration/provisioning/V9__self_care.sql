-- One-time codes sent by SMS to prove a number: to sign in to self-care, activate a card or change
-- privileges. The number and the code are kept as keyed digests, never as they are; a code is good
-- for 5 minutes and 5 tries. subject_id is the subscription (sign-in, privilege change) or the
-- order (activation) the code is for; a request for a number nobody holds is kept too, without a
-- subject, so that the limits per number and per address count it like any other and the answers
-- tell nothing about who is a subscriber.
CREATE TABLE one_time_code (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number_digest  VARCHAR(64)  NOT NULL,
  address_digest VARCHAR(64)  NOT NULL,
  purpose        VARCHAR(16)  NOT NULL,
  subject_id     BIGINT       NULL,
  code_digest    VARCHAR(64)  NOT NULL,
  created_at     DATETIME(6)  NOT NULL,
  expires_at     DATETIME(6)  NOT NULL,
  tries          INT          NOT NULL DEFAULT 0,
  used_at        DATETIME(6)  NULL,
  INDEX ix_one_time_code_number (number_digest, created_at),
  INDEX ix_one_time_code_address (address_digest, created_at)
) ENGINE = InnoDB;

-- Signed-in self-care sessions, by a digest of the cookie's token.
CREATE TABLE self_care_session (
  token_digest   VARCHAR(64)  NOT NULL PRIMARY KEY,
  product_id     BIGINT       NOT NULL,
  created_at     DATETIME(6)  NOT NULL,
  expires_at     DATETIME(6)  NOT NULL,
  INDEX ix_self_care_session_expiry (expires_at)
) ENGINE = InnoDB;
