package org.peerlet.playlist;

import org.peerlet.account.Account;
import org.peerlet.channel.Channel;
import org.peerlet.video.Privacy;
import org.peerlet.video.Subject;
import org.peerlet.video.VideoAccess;

/**
 * A playlist with its owner and channel (null for a private one kept without channel).
 * {@code privacy} is public, unlisted or private; {@code type} is PeerTube's 1 regular, 2 watch later;
 * {@code url} is the ActivityPub id another server gave it, null for ours.
 */
public record Playlist(long id, String uuid, String shortUuid, Account owner, Channel channel, String name,
                       String description, Privacy privacy, int type, boolean hasThumbnail, int videosLength,
                       long createdAt, long updatedAt, String url) {
    public static final int REGULAR = 1;
    public static final int WATCH_LATER = 2;

    public boolean isLocal() {
        return owner.isLocal();
    }

    /** What {@link VideoAccess} decides on. */
    public VideoAccess.Guarded guarded() {
        return new VideoAccess.Guarded(Subject.playlist(id), owner.userId(), isLocal(), privacy);
    }
}
