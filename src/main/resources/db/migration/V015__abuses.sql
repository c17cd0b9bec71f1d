-- Reports (PeerTube's abuses) of a video, a comment or an account, made here or received from
-- another server as a Flag, and the messages between the reporter and the moderators. Owned by
-- moderation. state is PeerTube's: 1 pending, 2 rejected, 3 accepted. A report outlives what it
-- is about: the video's name and the comment's text are kept as they were when reported.
CREATE TABLE abuses (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    reporter_account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    flagged_account_id  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    video_id            INTEGER REFERENCES videos (id) ON DELETE SET NULL,
    video_name          TEXT,
    comment_id          INTEGER REFERENCES video_comments (id) ON DELETE SET NULL,
    comment_text        TEXT,
    reason              TEXT    NOT NULL,
    predefined_reasons  TEXT    NOT NULL DEFAULT '',   -- PeerTube's names, comma-separated
    start_at            INTEGER,
    end_at              INTEGER,
    state               INTEGER NOT NULL DEFAULT 1,
    moderation_comment  TEXT,
    url                 TEXT UNIQUE,                    -- the Flag's id, for a report from another server
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL
);
CREATE INDEX abuses_reporter ON abuses (reporter_account_id, state);
CREATE INDEX abuses_flagged ON abuses (flagged_account_id);

CREATE TABLE abuse_messages (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    abuse_id     INTEGER NOT NULL REFERENCES abuses (id) ON DELETE CASCADE,
    account_id   INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    message      TEXT    NOT NULL,
    is_by_moderator INTEGER NOT NULL,
    created_at   BIGINT  NOT NULL
);
CREATE INDEX abuse_messages_abuse ON abuse_messages (abuse_id);
