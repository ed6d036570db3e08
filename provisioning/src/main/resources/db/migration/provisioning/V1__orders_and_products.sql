-- The first provisioning tables: what the qualification rules need to know about a buyer.
-- Buyers are found by a keyed digest of their ID number, never by the number itself.
CREATE TABLE product_order (
  id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id_number_digest  CHAR(64)    NOT NULL,
  product_code      VARCHAR(64) NOT NULL,
  campaign_code     VARCHAR(64),
  state             VARCHAR(16) NOT NULL,
  created_at        DATETIME(6) NOT NULL,
  INDEX ix_product_order_buyer (id_number_digest, campaign_code),
  INDEX ix_product_order_campaign (campaign_code, state)
) ENGINE = InnoDB;

-- TMF637 product: a subscription to a card.
CREATE TABLE product (
  id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id_number_digest  CHAR(64)    NOT NULL,
  product_code      VARCHAR(64) NOT NULL,
  status            VARCHAR(16) NOT NULL,
  created_at        DATETIME(6) NOT NULL,
  INDEX ix_product_holder (id_number_digest, status)
) ENGINE = InnoDB;

-- Keys the engine generated for itself when none was configured.
CREATE TABLE provisioning_secret (
  name        VARCHAR(64)  NOT NULL PRIMARY KEY,
  value       VARCHAR(255) NOT NULL,
  created_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB;
