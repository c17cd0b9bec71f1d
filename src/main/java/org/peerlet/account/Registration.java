package org.peerlet.account;

/** A sign-up waiting for, or judged by, a moderator. {@code state}: 1 pending, 2 rejected, 3 accepted. */
record Registration(long id, int state, String reason, String moderationResponse, String username, String email,
                    String passwordHash, String displayName, String channelName, String channelDisplayName,
                    Long userId, long createdAt, long updatedAt) {
    static final int PENDING = 1;
    static final int REJECTED = 2;
    static final int ACCEPTED = 3;

    String stateLabel() {
        return switch (state) {
            case REJECTED -> "Rejected";
            case ACCEPTED -> "Accepted";
            default -> "Pending";
        };
    }
}
