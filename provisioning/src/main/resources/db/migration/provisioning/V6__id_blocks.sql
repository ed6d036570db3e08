-- Ids of orders, audit entries and outbox messages are handed out in blocks (Hibernate's pooled
-- table generator) instead of by AUTO_INCREMENT, so that a batch of orders is written with one
-- multi-row insert per table. Each block counter starts well above the ids already given out.
CREATE TABLE id_block (
  name       VARCHAR(64) NOT NULL PRIMARY KEY,
  next_value BIGINT      NOT NULL
) ENGINE = InnoDB;

INSERT INTO id_block (name, next_value)
  SELECT 'product_order', COALESCE(MAX(id), 0) + 1000 FROM product_order;
INSERT INTO id_block (name, next_value)
  SELECT 'provisioning_audit', COALESCE(MAX(id), 0) + 1000 FROM provisioning_audit;
INSERT INTO id_block (name, next_value)
  SELECT 'outbox_message', COALESCE(MAX(id), 0) + 1000 FROM outbox_message;

-- "First buyers" of a campaign are counted by time, as ids no longer follow it across nodes.
CREATE INDEX ix_product_order_campaign_created ON product_order (campaign_code, created_at);
