-- Notifications of a new follower (PeerTube's type 10) point at the follow, and go when it goes
-- (an unsubscription takes its notification with it). Videos: one notification of each kind per
-- person and video, looked up by video.
ALTER TABLE notifications ADD COLUMN follow_id INTEGER REFERENCES follows (id) ON DELETE CASCADE;
CREATE INDEX notifications_video ON notifications (video_id, type);
