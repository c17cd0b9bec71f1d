-- Watched words (PeerTube 6.2): lists of words that hold a comment for the video owner's approval.
-- account_id is the list's owner, or the instance's own account (no user) for instance-wide lists.
-- words is a JSON array of strings. Owned by watchedwords.
CREATE TABLE watched_words_lists (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    list_name  TEXT    NOT NULL,
    words      TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    UNIQUE (account_id, list_name)
);

-- PeerTube's user adminFlags: 1 lets the user's uploads bypass the automatic block of new videos.
ALTER TABLE users ADD COLUMN admin_flags INTEGER NOT NULL DEFAULT 0;
-- PeerTube's VideoBlacklist type: 1 a moderator's block, 2 automatic, until a moderator approves.
ALTER TABLE videos ADD COLUMN blacklist_type INTEGER NOT NULL DEFAULT 1;
