-- What a campaign's buyer pays and may undo: the price, a deposit with its final-payment window
-- (fixed dates, or a number of days from the order), what happens to an unpaid deposit, the
-- return window, what an order does when the partner does not say whether the buyer is new, and
-- how many monthly fees a credit payer pays for a "0-yuan phone" (0: as long as it lasts).
ALTER TABLE catalog_presale_campaign
  ADD COLUMN price_fen            BIGINT       NULL,
  ADD COLUMN final_payment_opens  DATETIME(6)  NULL,
  ADD COLUMN final_payment_closes DATETIME(6)  NULL,
  ADD COLUMN final_payment_days   INT          NULL,
  ADD COLUMN unpaid_deposit       VARCHAR(16)  NOT NULL DEFAULT 'KEPT',
  ADD COLUMN return_window_days   INT          NOT NULL DEFAULT 7,
  ADD COLUMN when_partner_silent  VARCHAR(24)  NOT NULL DEFAULT 'TREAT_AS_EXISTING',
  ADD COLUMN instalment_months    INT          NOT NULL DEFAULT 0;

-- Before this, a campaign's "deposit" was all a buyer paid: it becomes the price, paid at once,
-- so orders placed under a stored version keep their terms. Otherwise the price is the plan's fee.
UPDATE catalog_presale_campaign c
   SET c.price_fen = CASE WHEN c.deposit_fen > 0 THEN c.deposit_fen
                          ELSE (SELECT p.monthly_fee_fen FROM catalog_product_offering p
                                 WHERE p.version_id = c.version_id AND p.code = c.product_code)
                     END,
       c.deposit_fen = 0;

ALTER TABLE catalog_presale_campaign MODIFY COLUMN price_fen BIGINT NOT NULL;
