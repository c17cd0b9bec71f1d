-- Private playlists are shared as private videos are: with named people and by share links.
-- The privacy feature alone writes these, beside video_shares and video_share_links (V004).

CREATE TABLE playlist_shares (
    id          INTEGER PRIMARY KEY,
    playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    UNIQUE (playlist_id, account_id)
);
CREATE INDEX playlist_shares_account ON playlist_shares (account_id);

CREATE TABLE playlist_share_links (
    id          INTEGER PRIMARY KEY,
    playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    token_hash  TEXT    NOT NULL UNIQUE,
    expires_at  BIGINT,
    max_views   BIGINT,
    views       BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL
);
CREATE INDEX playlist_share_links_playlist ON playlist_share_links (playlist_id);
