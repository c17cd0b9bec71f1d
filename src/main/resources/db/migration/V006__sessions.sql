-- A user's session stamp, moved on when their password changes or they are blocked. Login
-- tokens and file tokens are good only while the stamp they were made under is current, so
-- every process on this database (the server and its caches, the admin tool beside it) stops
-- trusting an old session at once.
ALTER TABLE users ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;
