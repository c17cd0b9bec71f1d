package org.peerlet.moderation;

import java.util.List;

/**
 * A report of a video, a comment or an account. {@code videoName} and {@code commentText} keep
 * what was reported as it was; {@code url} is the Flag's id when another server sent it.
 * {@code state}: 1 pending, 2 rejected, 3 accepted.
 */
public record Abuse(long id, Long reporterAccountId, Long flaggedAccountId, Long videoId, String videoName,
                    Long commentId, String commentText, String reason, List<String> predefinedReasons,
                    Integer startAt, Integer endAt, int state, String moderationComment, String url,
                    long createdAt, long updatedAt) {
    public static final int PENDING = 1;
    public static final int REJECTED = 2;
    public static final int ACCEPTED = 3;

    /** PeerTube's predefined reasons, in its order (their ids are this list's positions plus one). */
    public static final List<String> PREDEFINED = List.of("violentOrRepulsive", "hatefulOrAbusive",
            "spamOrMisleading", "privacy", "rights", "serverRules", "thumbnails", "captions");

    public String kind() {
        if (videoName != null) return "video";
        if (commentText != null) return "comment";
        return "account";
    }

    public String stateLabel() {
        return switch (state) {
            case REJECTED -> "Rejected";
            case ACCEPTED -> "Accepted";
            default -> "Pending";
        };
    }
}
