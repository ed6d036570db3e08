-- When an account's earliest reservation lapses (its Tcc): the sweeper finds such accounts
-- without reading every account, also right after a restart.
ALTER TABLE charging_account ADD COLUMN next_expiry DATETIME(6) NULL;
CREATE INDEX ix_charging_account_next_expiry ON charging_account (next_expiry);
