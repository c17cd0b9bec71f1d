-- Mutes (PeerTube's blocklists): an account muting another account, or every account of a host,
-- for themselves. The instance mutes for everyone through its own account (the one with no user):
-- its account mutes are rows here, its blocked hosts stay in federation's blocked_hosts. Owned by
-- blocklist; read by the lists, comments and notifications that hide what is muted.
CREATE TABLE account_blocks (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    by_account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    blocked_account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at         BIGINT  NOT NULL,
    UNIQUE (by_account_id, blocked_account_id)
);
CREATE INDEX account_blocks_blocked ON account_blocks (blocked_account_id);

CREATE TABLE server_blocks (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    by_account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    host          TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    UNIQUE (by_account_id, host)
);
CREATE INDEX server_blocks_host ON server_blocks (host);
