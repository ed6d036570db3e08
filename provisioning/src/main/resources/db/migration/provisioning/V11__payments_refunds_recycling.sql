-- Commerce as stores live it (issue 17): presale deposits with a final payment, refunds, the facts
-- behind a buyer's B2B2C type, and numbers that come back after a quarantine.

-- An order's payment terms, copied from its campaign when it is placed so that a later catalog
-- never changes what was sold: the deposit and the final-payment window (NULL without a deposit),
-- what happens to an unpaid deposit, the return window, what has been refunded, and when the card
-- was activated (the return window counts from then). buyer_type_basis says which facts decided
-- new_to_operator and new_to_partner.
ALTER TABLE product_order
  ADD COLUMN deposit_fen           BIGINT        NOT NULL DEFAULT 0,
  ADD COLUMN final_payment_opens   DATETIME(6)   NULL,
  ADD COLUMN final_payment_closes  DATETIME(6)   NULL,
  ADD COLUMN unpaid_deposit        VARCHAR(16)   NULL,
  ADD COLUMN return_window_days    INT           NOT NULL DEFAULT 7,
  ADD COLUMN amount_refunded_fen   BIGINT        NOT NULL DEFAULT 0,
  ADD COLUMN completed_at          DATETIME(6)   NULL,
  ADD COLUMN buyer_type_basis      VARCHAR(500)  NULL;

-- A number is held by one live order at a time, but it is sold again after its quarantine: the
-- unique key covers live orders only (a completed or cancelled order keeps its history).
ALTER TABLE product_order DROP INDEX uk_product_order_msisdn;
ALTER TABLE product_order
  ADD COLUMN live_msisdn VARCHAR(15)
    AS (CASE WHEN state IN ('acknowledged', 'pending', 'inProgress') THEN msisdn END) PERSISTENT,
  ADD CONSTRAINT uk_product_order_live_msisdn UNIQUE (live_msisdn),
  ADD INDEX ix_product_order_msisdn (msisdn);

-- Likewise a subscription: one that is not terminated holds its number alone.
ALTER TABLE product DROP INDEX uk_product_msisdn;
ALTER TABLE product
  ADD COLUMN live_msisdn VARCHAR(15)
    AS (CASE WHEN status <> 'terminated' THEN msisdn END) PERSISTENT,
  ADD CONSTRAINT uk_product_live_msisdn UNIQUE (live_msisdn),
  ADD INDEX ix_product_msisdn (msisdn);

-- A terminated subscription's number rests in quarantine until quarantined_until, then goes back
-- on sale. Card statuses gain quarantined (returned by a buyer, never resold) and retired (its
-- subscription ended).
ALTER TABLE phone_number
  ADD COLUMN quarantined_until DATETIME(6) NULL,
  ADD INDEX ix_phone_number_quarantine (status, quarantined_until);

-- TMF676 refund: money paid back on an order, full or partial. A store's refund id
-- (correlator_id) makes a repeat return the first refund. kind: cancelledOrder, returnedCard,
-- unpaidDeposit.
CREATE TABLE refund (
  id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  refund_code     VARCHAR(16)    NOT NULL,
  order_id        BIGINT         NOT NULL,
  channel         VARCHAR(32)    NOT NULL,
  correlator_id   VARCHAR(64)    NOT NULL,
  kind            VARCHAR(16)    NOT NULL,
  amount_fen      BIGINT         NOT NULL,
  reason          VARCHAR(500)   NOT NULL,
  actor           VARCHAR(64)    NOT NULL,
  created_at      DATETIME(6)    NOT NULL,
  CONSTRAINT uk_refund_code UNIQUE (refund_code),
  CONSTRAINT uk_refund_correlator UNIQUE (channel, correlator_id),
  INDEX ix_refund_order (order_id, id)
) ENGINE = InnoDB;

-- Where a partner's platform says whether a buyer is new to it (signed like the notices it takes).
ALTER TABLE partner_endpoint ADD COLUMN user_check_url VARCHAR(512) NULL;

-- TMF676 payment: each payment taken on an order, for the stores' daily reconciliation.
CREATE TABLE payment (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id    BIGINT        NOT NULL,
  channel     VARCHAR(32)   NOT NULL,
  amount_fen  BIGINT        NOT NULL,
  reference   VARCHAR(128)  NOT NULL,
  paid_at     DATETIME(6)   NOT NULL,
  INDEX ix_payment_order (order_id, id),
  INDEX ix_payment_channel (channel, paid_at)
) ENGINE = InnoDB;

ALTER TABLE refund ADD INDEX ix_refund_channel (channel, created_at);
ALTER TABLE product_order ADD INDEX ix_product_order_created (channel, created_at);

-- The monthly fee of each active subscription per billing cycle (Beijing month), from the catalog
-- version governing it that month, and who pays it: the order (the month it was activated in,
-- paid with the order), the holder, or the credit payer of a "0-yuan phone". One per cycle.
CREATE TABLE monthly_fee (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id       BIGINT        NOT NULL,
  cycle            VARCHAR(7)    NOT NULL,
  product_code     VARCHAR(64)   NOT NULL,
  partner_code     VARCHAR(64)   NOT NULL,
  catalog_version  VARCHAR(64)   NOT NULL,
  amount_fen       BIGINT        NOT NULL,
  payer            VARCHAR(64)   NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  CONSTRAINT uk_monthly_fee UNIQUE (product_id, cycle),
  INDEX ix_monthly_fee_partner (cycle, partner_code)
) ENGINE = InnoDB;

-- Credit instalments ("0-yuan phone"): how many monthly fees the credit payer pays (0: as long as
-- the subscription lasts); each such fee is asked of the payer (collection asked), confirmed paid
-- or declined by its signed callback, and suspends the subscription when still unpaid after the
-- grace (suspended_at), until it is paid.
ALTER TABLE product_order ADD COLUMN instalment_months INT NOT NULL DEFAULT 0;
ALTER TABLE monthly_fee
  ADD COLUMN instalment            INT           NULL,
  ADD COLUMN collection            VARCHAR(16)   NULL,
  ADD COLUMN collection_reference  VARCHAR(128)  NULL,
  ADD COLUMN collected_at          DATETIME(6)   NULL,
  ADD COLUMN suspended_at          DATETIME(6)   NULL,
  ADD INDEX ix_monthly_fee_collection (collection, suspended_at, created_at);
