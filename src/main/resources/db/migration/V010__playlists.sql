-- Playlists (PeerTube's video playlists) and their elements. The playlist feature alone writes
-- these tables. Times are epoch milliseconds.

CREATE TABLE playlists (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid          TEXT    NOT NULL UNIQUE,
    short_uuid    TEXT    NOT NULL UNIQUE,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    channel_id    INTEGER REFERENCES channels (id) ON DELETE CASCADE,  -- null for a private one without channel
    name          TEXT    NOT NULL,
    description   TEXT,
    privacy       INTEGER NOT NULL,             -- 1 public, 2 unlisted, 3 private
    type          INTEGER NOT NULL DEFAULT 1,   -- 1 regular, 2 watch later
    has_thumbnail INTEGER NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE INDEX playlists_account ON playlists (account_id);
CREATE INDEX playlists_channel ON playlists (channel_id);
-- One "watch later" per account.
CREATE UNIQUE INDEX playlists_watch_later ON playlists (account_id) WHERE type = 2;

-- Positions run 1..n without gaps. A deleted video leaves its element (video_id null), which
-- PeerTube shows as "deleted" until the owner removes it.
CREATE TABLE playlist_elements (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    playlist_id     INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    video_id        INTEGER REFERENCES videos (id) ON DELETE SET NULL,
    position        INTEGER NOT NULL,
    start_timestamp INTEGER,
    stop_timestamp  INTEGER,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);
CREATE INDEX playlist_elements_playlist ON playlist_elements (playlist_id, position);
CREATE INDEX playlist_elements_video ON playlist_elements (video_id);
