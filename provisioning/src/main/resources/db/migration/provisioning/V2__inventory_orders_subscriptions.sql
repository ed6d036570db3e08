-- Inventory, orders, subscriptions and their audit trail.
-- V1's product_order and product were only ever read (the engine wrote neither), so they are
-- replaced rather than altered.
DROP TABLE product_order;
DROP TABLE product;

-- One imported CSV file of cards or numbers.
CREATE TABLE inventory_batch (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind            VARCHAR(16)  NOT NULL,
  source_name     VARCHAR(255) NOT NULL,
  imported_by     VARCHAR(64)  NOT NULL,
  imported_at     DATETIME(6)  NOT NULL,
  lines_read      INT          NOT NULL,
  lines_imported  INT          NOT NULL,
  lines_rejected  INT          NOT NULL
) ENGINE = InnoDB;

-- A SIM card: the ICCID printed on it and the IMSI on its chip. status: available, reserved
-- (for an order, until reserved_until when unpaid), assigned (to a subscription).
CREATE TABLE sim_card (
  iccid           VARCHAR(20)  NOT NULL PRIMARY KEY,
  imsi            VARCHAR(15)  NOT NULL,
  province        VARCHAR(2)   NOT NULL,
  batch_id        BIGINT       NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  order_id        BIGINT,
  CONSTRAINT uk_sim_card_imsi UNIQUE (imsi),
  -- An order holds at most one card: a second allocation to it fails in the database.
  CONSTRAINT uk_sim_card_order UNIQUE (order_id),
  INDEX ix_sim_card_available (province, status)
) ENGINE = InnoDB;

-- A phone number, sold in the province it belongs to.
CREATE TABLE phone_number (
  msisdn          VARCHAR(15)  NOT NULL PRIMARY KEY,
  province        VARCHAR(2)   NOT NULL,
  batch_id        BIGINT       NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  order_id        BIGINT,
  CONSTRAINT uk_phone_number_order UNIQUE (order_id),
  INDEX ix_phone_number_available (province, status)
) ENGINE = InnoDB;

-- TMF622 productOrder: one card per order. msisdn and iccid hold what the order has reserved;
-- they are cleared when it releases them, so the unique keys prove no two live orders hold one.
CREATE TABLE product_order (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_code            VARCHAR(16)   NOT NULL,
  channel               VARCHAR(32)   NOT NULL,
  external_id           VARCHAR(64),
  product_code          VARCHAR(64)   NOT NULL,
  campaign_code         VARCHAR(64),
  catalog_version       VARCHAR(64)   NOT NULL,
  province              VARCHAR(2)    NOT NULL,
  id_number_digest      VARCHAR(64)   NOT NULL,
  buyer_name_sealed     VARCHAR(512)  NOT NULL,
  id_number_sealed      VARCHAR(512)  NOT NULL,
  id_number_masked      VARCHAR(32)   NOT NULL,
  new_to_operator       BOOLEAN       NOT NULL,
  new_to_partner        BOOLEAN       NOT NULL,
  payment_type          VARCHAR(16)   NOT NULL,
  amount_due_fen        BIGINT        NOT NULL,
  amount_paid_fen       BIGINT        NOT NULL,
  credit_payer          VARCHAR(64),
  credit_authorization  VARCHAR(128),
  msisdn                VARCHAR(15),
  iccid                 VARCHAR(20),
  imsi                  VARCHAR(15),
  state                 VARCHAR(16)   NOT NULL,
  state_reason          VARCHAR(1000),
  refusals              TEXT,
  reserved_until        DATETIME(6),
  created_at            DATETIME(6)   NOT NULL,
  updated_at            DATETIME(6)   NOT NULL,
  version               INT           NOT NULL,
  CONSTRAINT uk_product_order_code UNIQUE (order_code),
  CONSTRAINT uk_product_order_external UNIQUE (channel, external_id),
  CONSTRAINT uk_product_order_msisdn UNIQUE (msisdn),
  CONSTRAINT uk_product_order_iccid UNIQUE (iccid),
  INDEX ix_product_order_buyer (id_number_digest, campaign_code),
  INDEX ix_product_order_campaign (campaign_code, state),
  INDEX ix_product_order_channel (channel, state, id),
  INDEX ix_product_order_reserved (state, reserved_until)
) ENGINE = InnoDB;

-- TMF637 product: a subscription, created when its order's card is activated. charged_cycle is
-- the billing cycle whose profile charging holds, charging_state what charging last took
-- (active or barred); both are set only after charging took the change.
CREATE TABLE product (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id              BIGINT        NOT NULL,
  product_code          VARCHAR(64)   NOT NULL,
  partner_code          VARCHAR(64)   NOT NULL,
  catalog_version       VARCHAR(64)   NOT NULL,
  id_number_digest      VARCHAR(64)   NOT NULL,
  holder_name_sealed    VARCHAR(512)  NOT NULL,
  id_number_sealed      VARCHAR(512)  NOT NULL,
  id_number_masked      VARCHAR(32)   NOT NULL,
  msisdn                VARCHAR(15)   NOT NULL,
  iccid                 VARCHAR(20)   NOT NULL,
  imsi                  VARCHAR(15)   NOT NULL,
  status                VARCHAR(16)   NOT NULL,
  privileges            VARCHAR(1000) NOT NULL,
  pending_privileges    VARCHAR(1000),
  pending_from          DATETIME(6),
  last_change_cycle     VARCHAR(7),
  gifts                 TEXT          NOT NULL,
  charged_cycle         VARCHAR(7),
  charging_state        VARCHAR(16),
  created_at            DATETIME(6)   NOT NULL,
  activated_at          DATETIME(6),
  updated_at            DATETIME(6)   NOT NULL,
  version               INT           NOT NULL,
  CONSTRAINT uk_product_order UNIQUE (order_id),
  CONSTRAINT uk_product_msisdn UNIQUE (msisdn),
  CONSTRAINT uk_product_iccid UNIQUE (iccid),
  INDEX ix_product_holder (id_number_digest, status),
  INDEX ix_product_cycle (status, charged_cycle)
) ENGINE = InnoDB;

-- Every state change of an order or a product: who, when, from, to, why.
CREATE TABLE provisioning_audit (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_type  VARCHAR(16)   NOT NULL,
  subject_id    BIGINT        NOT NULL,
  from_state    VARCHAR(16),
  to_state      VARCHAR(16)   NOT NULL,
  actor         VARCHAR(64)   NOT NULL,
  reason        VARCHAR(1000) NOT NULL,
  at            DATETIME(6)   NOT NULL,
  INDEX ix_provisioning_audit_subject (subject_type, subject_id, id)
) ENGINE = InnoDB;

-- Messages for partners and stores, written in the transaction of the change they announce;
-- the delivery route sends them, retrying with exponential backoff until next_attempt_at.
CREATE TABLE outbox_message (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  destination      VARCHAR(64)   NOT NULL,
  kind             VARCHAR(32)   NOT NULL,
  payload          TEXT          NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  delivered_at     DATETIME(6),
  attempts         INT           NOT NULL,
  next_attempt_at  DATETIME(6)   NOT NULL,
  last_error       VARCHAR(1000),
  INDEX ix_outbox_due (delivered_at, next_attempt_at, id)
) ENGINE = InnoDB;

-- Messages that failed every attempt; the admin API re-drives them into outbox_message.
CREATE TABLE outbox_dead_letter (
  id               BIGINT        NOT NULL PRIMARY KEY,
  destination      VARCHAR(64)   NOT NULL,
  kind             VARCHAR(32)   NOT NULL,
  payload          TEXT          NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  attempts         INT           NOT NULL,
  last_error       VARCHAR(1000),
  dead_at          DATETIME(6)   NOT NULL
) ENGINE = InnoDB;
