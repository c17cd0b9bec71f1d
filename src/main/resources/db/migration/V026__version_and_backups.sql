-- Which Peerlet last ran this database (one row, owned by db's Migrator): an older jar reads it
-- before it migrates anything and refuses to start on a database a newer Peerlet has run.
CREATE TABLE peerlet_version (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    TEXT    NOT NULL,   -- Peerlet's version, e.g. 0.1.0
    migrations INTEGER NOT NULL,   -- how many migrations that version knew (PRAGMA user_version)
    updated_at BIGINT  NOT NULL
);

-- Backups made of this instance, by the admin tool or the server's schedule, once each ended
-- (a running one is known in memory only). Owned by backup.
CREATE TABLE backups (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    folder       TEXT    NOT NULL,   -- the dated folder written
    trigger      TEXT    NOT NULL,   -- command, schedule, admin
    state        TEXT    NOT NULL,   -- done, failed
    message      TEXT,               -- why it failed
    files        INTEGER NOT NULL DEFAULT 0,
    bytes_copied BIGINT  NOT NULL DEFAULT 0,
    bytes_linked BIGINT  NOT NULL DEFAULT 0,
    started_at   BIGINT  NOT NULL,
    finished_at  BIGINT  NOT NULL
);
CREATE INDEX backups_finished ON backups (finished_at);
