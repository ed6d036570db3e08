-- The rule-set version that decided a subscription's gifts, which every charging decision for the
-- subscriber records as its origin. Subscriptions from before it was kept have none (NULL).
ALTER TABLE product ADD COLUMN gifts_rule_set VARCHAR(64) NULL;
