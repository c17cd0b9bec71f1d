-- Privacy: passwords of password-protected videos, named people a video is shared with, and
-- share links. Secrets are stored only as hashes. Times are epoch milliseconds.

-- Several passwords per video; hash is bcrypt, so a stolen database reveals none.
CREATE TABLE video_passwords (
    id         INTEGER PRIMARY KEY,
    video_id   INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    hash       TEXT    NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX video_passwords_video ON video_passwords (video_id);

-- The people a video is shared with: a local account, or a remote Person's account row.
-- On the receiving instance, a restricted remote video has one row per local person it was
-- addressed to: its audience.
CREATE TABLE video_shares (
    id         INTEGER PRIMARY KEY,
    video_id   INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    UNIQUE (video_id, account_id)
);
CREATE INDEX video_shares_account ON video_shares (account_id);

-- Links that let anyone holding them watch one video. token_hash is the SHA-256 of a random
-- 24-byte token (high entropy, so a fast hash suffices). expires_at and max_views may be null.
CREATE TABLE video_share_links (
    id         INTEGER PRIMARY KEY,
    video_id   INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    expires_at BIGINT,
    max_views  BIGINT,
    views      BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX video_share_links_video ON video_share_links (video_id);
