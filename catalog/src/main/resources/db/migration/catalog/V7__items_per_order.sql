-- A campaign may sell several cards in one order (a family buying for its members): how many.
-- Campaigns stored before sold one card an order.
ALTER TABLE catalog_presale_campaign
  ADD COLUMN max_items_per_order INT NOT NULL DEFAULT 1;
