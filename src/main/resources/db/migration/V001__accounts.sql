-- Users log in; each owns one account (its public face) and one or more channels.
-- Times are epoch milliseconds. host is '' for local rows, the remote host otherwise.
-- Ids are never reused (AUTOINCREMENT): a link, token or key naming a removed row must not
-- reach whatever is created next.
-- Times and byte counts are BIGINT: SQLite stores both kinds as 64-bit integers, but jOOQ reads
-- a column declared INTEGER into a Java int, and epoch milliseconds would wrap.

CREATE TABLE users (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    username          TEXT    NOT NULL UNIQUE,
    email             TEXT    UNIQUE,
    password_hash     TEXT    NOT NULL,
    role              INTEGER NOT NULL,             -- PeerTube's values: 0 admin, 1 moderator, 2 user
    video_quota       BIGINT NOT NULL DEFAULT -1,  -- bytes, -1 for no limit
    video_quota_daily BIGINT NOT NULL DEFAULT -1,
    blocked           INTEGER NOT NULL DEFAULT 0,
    p2p_enabled       INTEGER NOT NULL DEFAULT 1,
    created_at        BIGINT NOT NULL,
    last_login_at     BIGINT
);

CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    host         TEXT    NOT NULL DEFAULT '',
    display_name TEXT    NOT NULL,
    description  TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE (name, host)
);

CREATE TABLE channels (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    host         TEXT    NOT NULL DEFAULT '',
    display_name TEXT    NOT NULL,
    description  TEXT,
    support      TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE (name, host)
);
CREATE INDEX channels_account ON channels (account_id);

-- Login tokens: only SHA-256 hashes are stored, so a copy of the database logs no one in.
CREATE TABLE oauth_tokens (
    id                 INTEGER PRIMARY KEY,
    user_id            INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    access_hash        TEXT    NOT NULL UNIQUE,
    refresh_hash       TEXT    NOT NULL UNIQUE,
    access_expires_at  BIGINT NOT NULL,
    refresh_expires_at BIGINT NOT NULL,
    created_at         BIGINT NOT NULL
);
CREATE INDEX oauth_tokens_user ON oauth_tokens (user_id);

-- Instance-wide values that the admin changes at run time (name, rules, sign-up) and
-- values generated once (the OAuth client).
CREATE TABLE instance_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
