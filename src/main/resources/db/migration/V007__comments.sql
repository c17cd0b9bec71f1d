-- Comments become PeerTube's: ids never handed out twice (AUTOINCREMENT: a comment's id is part
-- of its ActivityPub URL), a deleted comment stays as a tombstone in its thread, replies know
-- their thread and their parent, comments may wait for the owner's approval, and a remote
-- comment keeps its content warning and says whether its text is Markdown or (cleaned) HTML.
CREATE TABLE video_comments_v7 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    video_id         INTEGER NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    url              TEXT    UNIQUE,
    thread_id        INTEGER REFERENCES video_comments_v7 (id) ON DELETE CASCADE, -- null for a thread's first comment
    in_reply_to      INTEGER REFERENCES video_comments_v7 (id) ON DELETE CASCADE, -- the comment answered
    text             TEXT    NOT NULL,
    format           TEXT    NOT NULL DEFAULT 'markdown',  -- markdown, html (remote, cleaned on the way in)
    summary          TEXT,                                   -- a content warning, shown before the text
    is_held_for_review INTEGER NOT NULL DEFAULT 0,
    deleted_at       BIGINT,                                 -- a tombstone: text emptied, row kept
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
INSERT INTO video_comments_v7 (id, video_id, account_id, url, thread_id, in_reply_to, text, format, created_at, updated_at)
SELECT c.id, c.video_id, c.account_id, c.url, c.in_reply_to, c.in_reply_to, c.text,
       CASE WHEN a.host = '' THEN 'markdown' ELSE 'html' END, c.created_at, c.updated_at
FROM video_comments c JOIN accounts a ON a.id = c.account_id;
DROP TABLE video_comments;
ALTER TABLE video_comments_v7 RENAME TO video_comments;
CREATE INDEX video_comments_video ON video_comments (video_id, created_at);
CREATE INDEX video_comments_thread ON video_comments (thread_id);
