-- Notifications as PeerTube's API has them: one row per person told, read or not. A comment
-- notification points at the comment (and goes with it); per-type settings, 0 none, 1 web.
CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        INTEGER NOT NULL,                    -- PeerTube's: 2 new comment on my video, 11 mention/reply
    comment_id  INTEGER REFERENCES video_comments (id) ON DELETE CASCADE,
    video_id    INTEGER REFERENCES videos (id) ON DELETE CASCADE,
    is_read     INTEGER NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX notifications_user ON notifications (user_id, is_read, id);

CREATE TABLE notification_settings (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name    TEXT    NOT NULL,                        -- PeerTube's key, e.g. newCommentOnMyVideo
    value   INTEGER NOT NULL,                        -- 0 none, 1 web (2 e-mail, 3 both: not sent yet)
    PRIMARY KEY (user_id, name)
);
