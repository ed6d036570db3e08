-- Catalog versions are append-only: a published version label never changes content.
CREATE TABLE catalog_version (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version          VARCHAR(64)  NOT NULL,
  effective_from   DATETIME(6)  NOT NULL,
  moves_existing   BOOLEAN      NOT NULL,
  source           VARCHAR(255) NOT NULL,
  checksum         CHAR(64)     NOT NULL,
  stored_at        DATETIME(6)  NOT NULL,
  CONSTRAINT uk_catalog_version UNIQUE (version)
) ENGINE = InnoDB;

CREATE TABLE catalog_partner (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version_id  BIGINT       NOT NULL,
  position    INT          NOT NULL,
  code        VARCHAR(64)  NOT NULL,
  name        VARCHAR(255) NOT NULL,
  CONSTRAINT uk_catalog_partner UNIQUE (version_id, code),
  CONSTRAINT fk_catalog_partner_version FOREIGN KEY (version_id) REFERENCES catalog_version (id)
) ENGINE = InnoDB;

CREATE TABLE catalog_product_offering (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version_id            BIGINT        NOT NULL,
  position              INT           NOT NULL,
  code                  VARCHAR(64)   NOT NULL,
  name                  VARCHAR(255)  NOT NULL,
  description           VARCHAR(2000) NOT NULL,
  partner_code          VARCHAR(64)   NOT NULL,
  lifecycle_status      VARCHAR(16)   NOT NULL,
  provinces             VARCHAR(255)  NOT NULL,
  monthly_fee_fen       BIGINT        NOT NULL,
  data_mb               BIGINT        NOT NULL,
  voice_minutes         INT           NOT NULL,
  sms                   INT           NOT NULL,
  menu_name             VARCHAR(255)  NOT NULL,
  menu_lower_limit      INT           NOT NULL,
  menu_upper_limit      INT           NOT NULL,
  partner_share_percent INT           NOT NULL,
  sponsored_fen_per_gb  BIGINT        NOT NULL,
  CONSTRAINT uk_catalog_product UNIQUE (version_id, code),
  CONSTRAINT fk_catalog_product_version FOREIGN KEY (version_id) REFERENCES catalog_version (id)
) ENGINE = InnoDB;

-- One row per privilege; the columns of the other kinds stay NULL.
CREATE TABLE catalog_privilege (
  id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id             BIGINT        NOT NULL,
  position               INT           NOT NULL,
  in_menu                BOOLEAN       NOT NULL,
  code                   VARCHAR(64)   NOT NULL,
  name                   VARCHAR(255)  NOT NULL,
  description            VARCHAR(2000) NOT NULL,
  kind                   VARCHAR(16)   NOT NULL,
  excludes               VARCHAR(1000) NOT NULL,
  requires               VARCHAR(1000) NOT NULL,
  b2b2c_types            VARCHAR(16)   NOT NULL,
  rating_groups          VARCHAR(1000),
  service_identifiers    VARCHAR(1000),
  excluded_rating_groups VARCHAR(1000),
  monthly_cap_mb         BIGINT,
  megabytes              BIGINT,
  recurrence             VARCHAR(16),
  validity_days          INT,
  perk_code              VARCHAR(64),
  CONSTRAINT uk_catalog_privilege UNIQUE (product_id, code),
  CONSTRAINT fk_catalog_privilege_product FOREIGN KEY (product_id)
    REFERENCES catalog_product_offering (id)
) ENGINE = InnoDB;

CREATE TABLE catalog_presale_campaign (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version_id       BIGINT       NOT NULL,
  position         INT          NOT NULL,
  code             VARCHAR(64)  NOT NULL,
  name             VARCHAR(255) NOT NULL,
  product_code     VARCHAR(64)  NOT NULL,
  channels         VARCHAR(1000) NOT NULL,
  provinces        VARCHAR(255) NOT NULL,
  stock            BIGINT       NOT NULL,
  sale_start       DATETIME(6)  NOT NULL,
  sale_end         DATETIME(6)  NOT NULL,
  per_buyer_limit  INT          NOT NULL,
  deposit_fen      BIGINT       NOT NULL,
  CONSTRAINT uk_catalog_campaign UNIQUE (version_id, code),
  CONSTRAINT fk_catalog_campaign_version FOREIGN KEY (version_id) REFERENCES catalog_version (id)
) ENGINE = InnoDB;
