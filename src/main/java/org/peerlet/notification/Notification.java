package org.peerlet.notification;

/** Something a person was told: its PeerTube type, what it is about, whether they read it. */
public record Notification(long id, long userId, int type, About about, boolean read, long createdAt, long updatedAt) {
    public static final int NEW_VIDEO_FROM_SUBSCRIPTION = 1;
    public static final int NEW_COMMENT_ON_MY_VIDEO = 2;
    public static final int NEW_ABUSE_FOR_MODERATORS = 3;
    public static final int MY_VIDEO_PUBLISHED = 6;
    /** PeerTube's "import failed", its nearest kind to an upload whose transcoding failed for good. */
    public static final int MY_VIDEO_IMPORT_ERROR = 8;
    public static final int NEW_USER_REGISTRATION = 9;
    public static final int NEW_FOLLOW = 10;
    public static final int COMMENT_MENTION = 11;
    public static final int VIDEO_AUTO_BLACKLIST_FOR_MODERATORS = 12;
    public static final int NEW_USER_REGISTRATION_REQUEST = 20;
    /**
     * Peerlet's own: a private video was shared with me by name. PeerTube has no such kind; its
     * numbers run from 1 up (31 in PeerTube 8), so ours start far above them, at 1001.
     */
    public static final int VIDEO_SHARED_WITH_ME = 1001;

    /** What a notification points at; each is null unless its kind has one. */
    public record About(Long commentId, Long videoId, Long followId, Long abuseId, Long accountId, Long registrationId) {
        static About video(long videoId) {
            return new About(null, videoId, null, null, null, null);
        }

        static About comment(long commentId, long videoId) {
            return new About(commentId, videoId, null, null, null, null);
        }

        static About follow(long followId) {
            return new About(null, null, followId, null, null, null);
        }
    }

    public Long commentId() {
        return about.commentId();
    }

    public Long videoId() {
        return about.videoId();
    }

    public Long followId() {
        return about.followId();
    }
}
