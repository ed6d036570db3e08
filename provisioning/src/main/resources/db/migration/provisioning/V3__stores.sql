-- E-commerce stores that push orders. A store signs its requests with a shared secret; after a
-- rotation the previous secret stays valid until previous_valid_until, so a store can switch
-- without losing orders. Secrets are stored sealed (AES-GCM), never in the clear.
CREATE TABLE store (
  id                     VARCHAR(32)   NOT NULL PRIMARY KEY,
  name                   VARCHAR(128)  NOT NULL,
  callback_url           VARCHAR(512)  NOT NULL,
  campaigns              VARCHAR(1000) NOT NULL,
  secret_sealed          VARCHAR(512)  NOT NULL,
  previous_secret_sealed VARCHAR(512),
  previous_valid_until   DATETIME(6),
  created_at             DATETIME(6)   NOT NULL,
  updated_at             DATETIME(6)   NOT NULL,
  version                INT           NOT NULL
) ENGINE = InnoDB;

-- Where a partner's platform takes perk notices, and the secret they are signed with.
CREATE TABLE partner_endpoint (
  partner_code    VARCHAR(64)   NOT NULL PRIMARY KEY,
  url             VARCHAR(512)  NOT NULL,
  secret_sealed   VARCHAR(512)  NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  updated_at      DATETIME(6)   NOT NULL
) ENGINE = InnoDB;
