package org.peerlet.video;

import org.peerlet.account.Account;
import org.peerlet.channel.Channel;

/** A video with its channel and the account that owns it; {@code block} is null unless a moderator hid it; {@code ownerBanned}: its owner was banned. Times are epoch milliseconds. */
public record Video(long id, String uuid, String shortUuid, Channel channel, Account account, String name,
                    String description, String support, Integer category, Integer licence, String language,
                    Privacy privacy, boolean nsfw, int commentsPolicy, boolean downloadEnabled,
                    boolean waitTranscoding, VideoState state, int duration, long views, long likes, long dislikes, long comments,
                    String originalFilename, String originalFile, long originalSize, String probe,
                    boolean hasThumbnail, boolean hasPreview, Ladder ladder, long createdAt, long updatedAt,
                    long publishedAt, Long originallyPublishedAt, Block block, boolean ownerBanned) {

    /**
     * A moderator's block of the video (PeerTube's blacklist): when, why, whether it was unfederated,
     * and PeerTube's type: {@link #MANUAL}, or {@link #AUTOMATIC} (a new user's upload waiting for approval).
     */
    public record Block(long createdAt, long updatedAt, String reason, boolean unfederated, int type) {
        public static final int MANUAL = 1;
        public static final int AUTOMATIC = 2;
    }

    public boolean isBlocked() {
        return block != null;
    }

    public boolean isLocal() {
        return channel.isLocal();
    }

    /** The id of the user who owns it, or null for a remote video. */
    public Long ownerUserId() {
        return account.userId();
    }
}
