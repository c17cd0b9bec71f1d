-- A video's comment count (PeerTube's Video.comments): kept by the social feature as comments
-- come, go and are approved, as the like counts are; filled once here for the comments there are.
ALTER TABLE videos ADD COLUMN comments BIGINT NOT NULL DEFAULT 0;
UPDATE videos SET comments = (SELECT count(*) FROM video_comments c
                              WHERE c.video_id = videos.id AND c.deleted_at IS NULL AND c.is_held_for_review = 0);
