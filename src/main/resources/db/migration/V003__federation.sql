-- Federation: our actors' keys, remote actors, follows both ways, the delivery outbox,
-- remote videos, comments, ratings and blocked instances. Times are epoch milliseconds.

-- Key pairs of our own actors, made once on first need. The private key never leaves the server.
-- kind is 'account' (the instance actor is an account without a user) or 'channel'.
CREATE TABLE actor_keys (
    kind        TEXT    NOT NULL,
    ref_id      INTEGER NOT NULL,
    public_pem  TEXT    NOT NULL,
    private_pem TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (kind, ref_id)
);

-- The instance actor (an Application named 'peerlet'): an account with no user, so the name is
-- taken in the shared namespace of accounts and channels and no one can register it.
INSERT OR IGNORE INTO accounts (user_id, name, host, display_name, description, created_at, updated_at)
VALUES (NULL, 'peerlet', '', 'peerlet', 'The instance itself', 0, 0);

-- Actors of other instances, as last fetched. A Person has an account row, a Group a channel row.
CREATE TABLE remote_actors (
    id           INTEGER PRIMARY KEY,
    url          TEXT    NOT NULL UNIQUE,
    type         TEXT    NOT NULL,
    host         TEXT    NOT NULL,
    username     TEXT    NOT NULL,
    inbox        TEXT    NOT NULL,
    shared_inbox TEXT,
    followers    TEXT,
    key_id       TEXT,
    public_pem   TEXT,
    account_id   INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    channel_id   INTEGER REFERENCES channels (id) ON DELETE SET NULL,
    fetched_at   BIGINT NOT NULL
);
CREATE INDEX remote_actors_host ON remote_actors (host);
CREATE INDEX remote_actors_account ON remote_actors (account_id);
CREATE INDEX remote_actors_channel ON remote_actors (channel_id);

-- Who follows whom, by actor URL, both ways. state: pending, accepted.
-- user_id is set when a local user subscribed (follower is their account actor).
CREATE TABLE follows (
    id           INTEGER PRIMARY KEY,
    follower     TEXT    NOT NULL,
    following    TEXT    NOT NULL,
    local_follower INTEGER NOT NULL,                 -- 1 when the follower is one of ours
    state        TEXT    NOT NULL,
    activity_id  TEXT,
    user_id      INTEGER REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE (follower, following)
);
CREATE INDEX follows_following ON follows (following, state);

-- The outbox: one row per (activity, target inbox). Survives restarts; a worker sends due rows.
-- state: pending, sending, dead.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    inbox           TEXT    NOT NULL,
    host            TEXT    NOT NULL,
    signer_kind     TEXT    NOT NULL,
    signer_id       INTEGER NOT NULL,
    body            TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    state           TEXT    NOT NULL,
    last_error      TEXT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);

-- Where a remote video came from and where it plays.
CREATE TABLE remote_videos (
    video_id     INTEGER PRIMARY KEY REFERENCES videos (id) ON DELETE CASCADE,
    url          TEXT    NOT NULL UNIQUE,
    playlist_url TEXT,
    fetched_at   BIGINT NOT NULL
);

-- Comments on videos, local and federated (a reply from Mastodon is a Note).
CREATE TABLE video_comments (
    id          INTEGER PRIMARY KEY,
    video_id    INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    url         TEXT    UNIQUE,                      -- null for local comments until known
    in_reply_to INTEGER REFERENCES video_comments (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX video_comments_video ON video_comments (video_id, created_at);

-- One rating per account and video; the counts live on videos.likes / videos.dislikes.
CREATE TABLE video_rates (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    video_id   INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    rating     TEXT    NOT NULL,                     -- like, dislike
    url        TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, video_id)
);

-- Instances we refuse to talk to, checked before any fetch and at the inbox door.
CREATE TABLE blocked_hosts (
    host       TEXT    PRIMARY KEY,
    created_at BIGINT NOT NULL
);

-- Local videos we announced (Create sent), so a later change knows whether to send Update,
-- Create or Delete. Kept by UUID because the video row may already be gone.
CREATE TABLE federated_videos (
    uuid       TEXT    PRIMARY KEY,
    created_at BIGINT NOT NULL
);
