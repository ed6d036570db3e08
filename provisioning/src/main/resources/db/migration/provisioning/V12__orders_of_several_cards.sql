-- An order may hold several cards (a family buying for its members): each card is a row of its own
-- (item 1, 2, … of the basket, each with its own number, card, payment and state), sharing the
-- basket's code and the store's order id. The buyer's columns stay the buyer's, who is counted
-- against the campaign's limits; a card held by someone else names its holder, whose real name
-- the card is activated with. A card the buyer holds leaves the holder's columns empty.
ALTER TABLE product_order DROP INDEX uk_product_order_external;
ALTER TABLE product_order
  ADD COLUMN basket_code        VARCHAR(16)   NULL,
  ADD COLUMN basket_item        INT           NOT NULL DEFAULT 1,
  ADD COLUMN holder_digest      VARCHAR(64)   NULL,
  ADD COLUMN holder_name_sealed VARCHAR(512)  NULL,
  ADD COLUMN holder_id_sealed   VARCHAR(512)  NULL,
  ADD COLUMN holder_id_masked   VARCHAR(32)   NULL,
  ADD CONSTRAINT uk_product_order_external UNIQUE (channel, external_id, basket_item),
  ADD INDEX ix_product_order_basket (basket_code, basket_item);
