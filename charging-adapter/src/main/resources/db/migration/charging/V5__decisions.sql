-- What charging decided, and why, per subscriber and hour: grants, debits, refunds and denials with
-- their reason, folded from the journal like usage. Hours are UTC hour starts (Beijing hours begin
-- at the same instants). The key is narrow — the subscriber, the hour and a SHA-256 digest (first
-- 16 bytes) of the other key columns — so that the checkpoint's upserts stay cheap.
CREATE TABLE charging_decision (
  msisdn            VARCHAR(15) NOT NULL,
  hour              DATETIME    NOT NULL,
  key_digest        BINARY(16)  NOT NULL,
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
  PRIMARY KEY (msisdn, hour, key_digest)
) ENGINE = InnoDB CHARACTER SET ascii;
