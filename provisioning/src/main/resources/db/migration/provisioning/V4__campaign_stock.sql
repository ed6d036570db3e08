-- A campaign's stock, split into slices so that concurrent buyers decrement different rows instead
-- of queueing on one; an order takes one unit from a slice in its own transaction.
CREATE TABLE campaign_stock_slice (
  campaign_code  VARCHAR(64)  NOT NULL,
  slice          INT          NOT NULL,
  initial        INT          NOT NULL,
  remaining      INT          NOT NULL,
  PRIMARY KEY (campaign_code, slice),
  CONSTRAINT ck_campaign_stock_slice CHECK (remaining >= 0)
) ENGINE = InnoDB;

-- Live orders per buyer (keyed digest of the ID number) in a campaign, for the per-buyer limit.
CREATE TABLE campaign_buyer (
  campaign_code     VARCHAR(64)  NOT NULL,
  id_number_digest  VARCHAR(64)  NOT NULL,
  orders            INT          NOT NULL,
  PRIMARY KEY (campaign_code, id_number_digest)
) ENGINE = InnoDB;
