-- Where each user stopped in each video (PeerTube's userVideoHistory), reported by the player
-- with the view; and the user's switch to keep none (PeerTube's videosHistoryEnabled).
ALTER TABLE users ADD COLUMN videos_history_enabled INTEGER NOT NULL DEFAULT 1;

CREATE TABLE watch_history (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    video_id      INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    current_time  INTEGER NOT NULL,                  -- seconds into the video
    updated_at    BIGINT  NOT NULL,
    PRIMARY KEY (user_id, video_id)
);
CREATE INDEX watch_history_recent ON watch_history (user_id, updated_at);
