package org.peerlet.notification;

/** Something a person was told: its PeerTube type, what it is about, whether they read it. */
public record Notification(long id, long userId, int type, Long commentId, Long videoId, Long followId, boolean read,
                           long createdAt, long updatedAt) {
    public static final int NEW_VIDEO_FROM_SUBSCRIPTION = 1;
    public static final int NEW_COMMENT_ON_MY_VIDEO = 2;
    public static final int MY_VIDEO_PUBLISHED = 6;
    public static final int NEW_FOLLOW = 10;
    public static final int COMMENT_MENTION = 11;
}
