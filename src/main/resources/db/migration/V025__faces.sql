-- Faces: an account's avatar, a channel's avatar and banner. Each is a random stem naming the
-- files of its sizes in avatars/ or banners/ (<stem>-<width>.jpg), null for none; *_at is when it
-- was set (PeerTube's createdAt/updatedAt of an ActorImage). For a remote actor, *_source is the
-- URL of the image it was fetched from, so an unchanged icon is not fetched again.
ALTER TABLE accounts ADD COLUMN avatar TEXT;
ALTER TABLE accounts ADD COLUMN avatar_at BIGINT;
ALTER TABLE accounts ADD COLUMN avatar_source TEXT;
ALTER TABLE channels ADD COLUMN avatar TEXT;
ALTER TABLE channels ADD COLUMN avatar_at BIGINT;
ALTER TABLE channels ADD COLUMN avatar_source TEXT;
ALTER TABLE channels ADD COLUMN banner TEXT;
ALTER TABLE channels ADD COLUMN banner_at BIGINT;
ALTER TABLE channels ADD COLUMN banner_source TEXT;
