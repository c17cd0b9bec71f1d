-- A moderator hides a video (PeerTube's blacklist): from everyone but its owner and moderators,
-- on every read path, with a reason its owner reads; unfederated ones are also deleted from
-- followers. Owned by video (VideoService), since the one access rule reads it with the video.
ALTER TABLE videos ADD COLUMN blacklisted_at BIGINT;
ALTER TABLE videos ADD COLUMN blacklisted_updated_at BIGINT;
ALTER TABLE videos ADD COLUMN blacklisted_reason TEXT;
ALTER TABLE videos ADD COLUMN is_unfederated INTEGER NOT NULL DEFAULT 0;
CREATE INDEX videos_blacklisted ON videos (blacklisted_at) WHERE blacklisted_at IS NOT NULL;
