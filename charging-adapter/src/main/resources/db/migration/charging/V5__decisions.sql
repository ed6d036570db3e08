-- What charging decided, and why, per subscriber and hour: grants, debits, refunds and denials with
-- their reason, folded from the journal like usage. Hours are UTC hour starts (Beijing hours begin
-- at the same instants).
CREATE TABLE charging_decision (
  msisdn            VARCHAR(15) NOT NULL,
  hour              DATETIME    NOT NULL,
  service           VARCHAR(8)  NOT NULL,
  rating_group      BIGINT      NOT NULL,
  action            VARCHAR(8)  NOT NULL,
  reason            VARCHAR(24) NOT NULL,
  reference         VARCHAR(64) NOT NULL,
  partner_code      VARCHAR(64) NOT NULL,
  catalog_version   VARCHAR(64) NOT NULL,
  rule_set_version  VARCHAR(64) NOT NULL,
  decisions         BIGINT      NOT NULL,
  units             BIGINT      NOT NULL,
  PRIMARY KEY (msisdn, hour, service, rating_group, action, reason, reference, partner_code,
               catalog_version, rule_set_version)
) ENGINE = InnoDB CHARACTER SET ascii;
