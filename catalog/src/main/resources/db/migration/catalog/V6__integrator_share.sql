-- IMCT-style revenue sharing: the system integrator that runs a card's platform takes a share of
-- each monthly fee besides the partner; the operator keeps the rest.
ALTER TABLE catalog_product_offering
  ADD COLUMN integrator_code VARCHAR(64) NULL,
  ADD COLUMN integrator_share_percent INT NOT NULL DEFAULT 0;
