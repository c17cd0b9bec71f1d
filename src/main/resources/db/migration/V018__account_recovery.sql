-- Codes sent by e-mail to reset a password or confirm an address (PeerTube's verification
-- strings): only their SHA-256 is stored, so a copy of the database resets no password. One live
-- code per user and purpose, used once, good until expires_at. Owned by account.
CREATE TABLE user_verifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL,                 -- 'reset-password' or 'verify-email'
    code_hash  TEXT    NOT NULL UNIQUE,
    expires_at BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL,
    UNIQUE (user_id, purpose)
);

-- PeerTube's emailVerified: null when never asked (made by the admin, or before verification
-- was required), 0 while a new sign-up's address waits to be confirmed, 1 once it is.
ALTER TABLE users ADD COLUMN is_email_verified INTEGER;
-- The language the person reads mail in (PeerTube's user.language: en or fr here); null: English.
ALTER TABLE users ADD COLUMN language TEXT;
