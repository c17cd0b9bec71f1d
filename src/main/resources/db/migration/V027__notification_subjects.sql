-- Notifications of moderators and of people a video is shared with point at more things: a report
-- (PeerTube's type 3), a new account (9), a sign-up request (20); each goes with what it points at.
-- Owned by notification.
ALTER TABLE notifications ADD COLUMN abuse_id INTEGER REFERENCES abuses (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD COLUMN account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD COLUMN registration_id INTEGER REFERENCES user_registrations (id) ON DELETE CASCADE;
