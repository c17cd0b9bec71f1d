-- A notification whose kind the person gets by e-mail only is still written, as the record
-- that they were told (a video is announced once), but is not on the web: lists and the unread
-- count show only rows with is_on_web = 1. Owned by notification.
ALTER TABLE notifications ADD COLUMN is_on_web INTEGER NOT NULL DEFAULT 1;
