-- Subscribers told that a gift is about to expire: one row per gift and expiry, so that each is
-- told once, also when the job runs on several nodes (the insert is what claims it).
CREATE TABLE gift_notice (
  product_id  BIGINT       NOT NULL,
  gift_code   VARCHAR(64)  NOT NULL,
  expires_at  DATETIME(6)  NOT NULL,
  told_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (product_id, gift_code, expires_at)
) ENGINE = InnoDB;
