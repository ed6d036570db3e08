-- The card leaves the warehouse: carrier and tracking number, told to the store.
ALTER TABLE product_order
  ADD COLUMN shipped_at DATETIME(6),
  ADD COLUMN carrier VARCHAR(32),
  ADD COLUMN tracking_number VARCHAR(64);
