-- Group commit writes one journal row per batch of answered requests: the accounts' new states,
-- the answers and the usage. One single-row insert is the whole durable cost of a batch; the
-- checkpointer later folds committed rows into charging_account / charging_usage in the
-- background and marks them applied. Unapplied rows are replayed at start. Applied rows stay for
-- the duplicate window, so a retransmission gets its stored answer also after a restart.
CREATE TABLE charging_journal (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created_at  DATETIME(6) NOT NULL,
  applied     BOOLEAN     NOT NULL DEFAULT FALSE,
  entries     LONGBLOB    NOT NULL
) ENGINE = InnoDB;

CREATE INDEX ix_charging_journal_applied ON charging_journal (applied, id);
CREATE INDEX ix_charging_journal_created ON charging_journal (created_at);

-- Superseded by the journal: answers are kept there for the duplicate window.
DROP TABLE charging_request;
