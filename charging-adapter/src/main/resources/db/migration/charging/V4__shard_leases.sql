-- Subscribers fall into a fixed number of shards (io.simbundle.charging.store.Shards). A shard is
-- decided by one node at a time: the node holding its lease. Every acquisition raises the epoch, so
-- that writes decided under an earlier lease can be told apart and refused.
CREATE TABLE charging_shard_lease (
  shard       INT         NOT NULL PRIMARY KEY,
  owner       VARCHAR(64) NULL,
  epoch       BIGINT      NOT NULL DEFAULT 0,
  expires_at  DATETIME(6) NOT NULL,
  changed_at  DATETIME(6) NOT NULL,
  -- On a takeover: whose lease lapsed, and how long after its expiry the shard was taken.
  taken_from      VARCHAR(64) NULL,
  taken_after_us  BIGINT      NULL
) ENGINE = InnoDB;

INSERT INTO charging_shard_lease (shard, owner, epoch, expires_at, changed_at)
WITH RECURSIVE shards (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM shards WHERE n < 255)
SELECT n, NULL, 0, '1970-01-02 00:00:00', '1970-01-02 00:00:00' FROM shards;

-- The nodes of the cluster, each with its Diameter identity (the Redirect-Host sent for the shards
-- it owns) and a heartbeat written with every lease renewal.
CREATE TABLE charging_node (
  node_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  diameter_host  VARCHAR(255) NOT NULL,
  diameter_uri   VARCHAR(255) NOT NULL,
  started_at     DATETIME(6)  NOT NULL,
  last_seen      DATETIME(6)  NOT NULL
) ENGINE = InnoDB;

-- A journal row belongs to one shard and carries the node and epoch it was written under. Rows
-- written before shards existed have none, and are folded in before any lease is taken.
ALTER TABLE charging_journal
  ADD COLUMN shard INT NULL,
  ADD COLUMN epoch BIGINT NULL,
  ADD COLUMN node_id VARCHAR(64) NULL;
CREATE INDEX ix_charging_journal_shard ON charging_journal (shard, applied, id);
CREATE INDEX ix_charging_journal_shard_created ON charging_journal (shard, created_at);
-- Rows are written a row per shard per group commit: every index costs. Unapplied rows are found
-- by shard (the index above, shard NULL for rows written before shards), so this one goes.
DROP INDEX ix_charging_journal_applied ON charging_journal;

-- Fencing is the database's own: an append whose epoch is not the shard's current one, or whose
-- node no longer owns the shard, is refused in the inserting statement. The lease row is read with
-- a shared lock, so a takeover (which updates it) waits for appends in flight to commit and every
-- append after it sees the new epoch.
DELIMITER //
CREATE TRIGGER charging_journal_fence BEFORE INSERT ON charging_journal FOR EACH ROW
BEGIN
  DECLARE current_epoch BIGINT DEFAULT NULL;
  DECLARE current_owner VARCHAR(64) DEFAULT NULL;
  IF NEW.shard IS NOT NULL THEN
    SELECT epoch, owner INTO current_epoch, current_owner
      FROM charging_shard_lease WHERE shard = NEW.shard LOCK IN SHARE MODE;
    IF current_epoch IS NULL OR current_owner IS NULL OR NEW.epoch IS NULL
        OR current_epoch <> NEW.epoch OR current_owner <> NEW.node_id THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'charging journal: stale shard epoch';
    END IF;
  END IF;
END//
DELIMITER ;
