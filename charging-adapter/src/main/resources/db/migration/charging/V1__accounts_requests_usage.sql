-- One row per subscriber: the whole charging state (balances, reservations) as JSON, written in
-- the same transaction as the request record and the usage it caused.
CREATE TABLE charging_account (
  msisdn      VARCHAR(15) NOT NULL PRIMARY KEY,
  imsi        VARCHAR(15),
  state       LONGTEXT    NOT NULL,
  version     BIGINT      NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  CONSTRAINT uk_charging_account_imsi UNIQUE (imsi)
) ENGINE = InnoDB;

-- Every answered Credit-Control-Request, so that a retransmission gets the same answer and is
-- never debited twice, also after a restart.
CREATE TABLE charging_request (
  session_id      VARCHAR(255) NOT NULL,
  request_number  BIGINT       NOT NULL,
  msisdn          VARCHAR(15),
  outcome         LONGTEXT     NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (session_id, request_number)
) ENGINE = InnoDB;

-- Usage per subscriber, day (Beijing time), rating group and payer.
CREATE TABLE charging_usage (
  msisdn        VARCHAR(15) NOT NULL,
  day           DATE        NOT NULL,
  rating_group  BIGINT      NOT NULL,
  paid_by_kind  VARCHAR(16) NOT NULL,
  paid_by       VARCHAR(64) NOT NULL,
  partner_code  VARCHAR(64) NOT NULL,
  bytes         BIGINT      NOT NULL,
  PRIMARY KEY (msisdn, day, rating_group, paid_by_kind, paid_by)
) ENGINE = InnoDB;
