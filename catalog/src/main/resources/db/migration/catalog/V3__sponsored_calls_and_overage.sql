-- Issue 16: minutes a partner sponsors for calls to numbers it names, the partner's price for them,
-- and what calls and SMS beyond the plan cost when the plan prices them (NULL: refused instead).
ALTER TABLE catalog_privilege
  ADD COLUMN minutes_per_cycle INT NULL,
  ADD COLUMN called_prefixes VARCHAR(1000) NULL;
ALTER TABLE catalog_product_offering
  ADD COLUMN sponsored_fen_per_minute BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN voice_overage_fen_per_minute BIGINT NULL,
  ADD COLUMN sms_overage_fen BIGINT NULL;
