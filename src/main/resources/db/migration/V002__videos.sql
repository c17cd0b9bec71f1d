-- Videos, their tags, the full-text index, upload sessions and the transcoding jobs.

CREATE TABLE videos (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid              TEXT    NOT NULL UNIQUE,
    short_uuid        TEXT    NOT NULL UNIQUE,
    channel_id        INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    host              TEXT    NOT NULL DEFAULT '',   -- '' for videos uploaded here
    name              TEXT    NOT NULL,
    description       TEXT,
    support           TEXT,
    category          INTEGER,
    licence           INTEGER,
    language          TEXT,
    privacy           INTEGER NOT NULL,              -- 1 public, 2 unlisted, 3 private, 4 internal, 5 password
    nsfw              INTEGER NOT NULL DEFAULT 0,
    comments_policy   INTEGER NOT NULL DEFAULT 1,
    download_enabled  INTEGER NOT NULL DEFAULT 1,
    wait_transcoding  INTEGER NOT NULL DEFAULT 1,
    state             INTEGER NOT NULL,              -- PeerTube's: 1 published, 2 to transcode, 7 failed
    duration          INTEGER NOT NULL DEFAULT 0,    -- seconds
    views             BIGINT NOT NULL DEFAULT 0,
    likes             INTEGER NOT NULL DEFAULT 0,
    dislikes          INTEGER NOT NULL DEFAULT 0,
    original_filename TEXT,
    original_file     TEXT,                          -- path under the data dir, null once dropped
    original_size     BIGINT NOT NULL DEFAULT 0,    -- counts against the uploader's quota
    probe             TEXT,                          -- JSON: what the upload contains
    has_thumbnail     INTEGER NOT NULL DEFAULT 0,
    has_preview       INTEGER NOT NULL DEFAULT 0,
    hls               TEXT,                          -- JSON: the published ladder, null until transcoded
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    published_at      BIGINT NOT NULL,
    originally_published_at BIGINT
);
CREATE INDEX videos_channel ON videos (channel_id);
CREATE INDEX videos_published ON videos (state, privacy, published_at);
CREATE INDEX videos_views ON videos (state, privacy, views);
CREATE INDEX videos_likes ON videos (state, privacy, likes);
CREATE INDEX videos_name ON videos (state, privacy, name);

CREATE TABLE video_tags (
    video_id INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    tag      TEXT    NOT NULL,
    PRIMARY KEY (video_id, tag)
);
CREATE INDEX video_tags_tag ON video_tags (tag);

-- Full-text search over name, description and tags; rowid is the video id.
CREATE VIRTUAL TABLE video_search USING fts5(name, description, tags, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER videos_search_delete AFTER DELETE ON videos
BEGIN
    DELETE FROM video_search WHERE rowid = old.id;
END;

-- A resumable upload in progress: the bytes are in uploads/<id>.part, its length is the offset.
CREATE TABLE upload_sessions (
    id           TEXT    PRIMARY KEY,
    fingerprint  TEXT    NOT NULL UNIQUE,            -- same user, file and metadata: same session
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel_id   INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    filename     TEXT    NOT NULL,
    size         BIGINT NOT NULL,
    metadata     TEXT    NOT NULL,                   -- the JSON body of the first request
    video_id     INTEGER REFERENCES videos (id) ON DELETE SET NULL,  -- set once complete
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- Transcoding work, persisted so a restart (or kill -9) resumes it.
CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    video_id    INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    type        TEXT    NOT NULL,                    -- 'transcode'
    state       TEXT    NOT NULL,                    -- waiting, running, done, failed
    attempts    INTEGER NOT NULL DEFAULT 0,
    run_after   BIGINT NOT NULL,
    progress    REAL    NOT NULL DEFAULT 0,
    progress_detail TEXT,                            -- JSON: percent per rung
    error       TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX jobs_ready ON jobs (state, run_after);
CREATE INDEX jobs_video ON jobs (video_id);
