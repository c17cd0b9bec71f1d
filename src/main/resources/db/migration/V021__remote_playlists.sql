-- Playlists of other servers (federated, PeerTube's Playlist object) are kept beside ours: their
-- ActivityPub id is their url; null for a playlist made here. Still written by the playlist feature alone.
ALTER TABLE playlists ADD COLUMN url TEXT;
CREATE UNIQUE INDEX playlists_url ON playlists (url);
