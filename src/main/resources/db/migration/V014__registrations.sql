-- Sign-ups waiting for a moderator (PeerTube 5.1's registrations): the person's answers and their
-- password's hash are kept until a moderator accepts (the user is made from them) or rejects.
-- state is PeerTube's: 1 pending, 2 rejected, 3 accepted. Owned by account.
CREATE TABLE user_registrations (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    state                INTEGER NOT NULL DEFAULT 1,
    registration_reason  TEXT    NOT NULL,
    moderation_response  TEXT,
    username             TEXT    NOT NULL UNIQUE,
    email                TEXT    NOT NULL UNIQUE,
    password_hash        TEXT    NOT NULL,
    account_display_name TEXT    NOT NULL,
    channel_name         TEXT    NOT NULL,
    channel_display_name TEXT    NOT NULL,
    user_id              INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at           BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL
);

-- Why a moderator banned (blocked) a user, shown to admins (PeerTube's blockedReason).
ALTER TABLE users ADD COLUMN blocked_reason TEXT;
