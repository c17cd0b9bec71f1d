-- Video passwords are now stored as "hmac-sha256:" and the HMAC-SHA256 of "video id:password"
-- under a key kept in the data dir (video-passwords.key), not in this database: a guess is one
-- HMAC and one lookup in this index, however many passwords the video has. Rows stored before
-- (bcrypt, "$2a$...") still work and are rewritten the first time their password is given.
CREATE INDEX video_passwords_lookup ON video_passwords (video_id, hash);
DROP INDEX video_passwords_video;
