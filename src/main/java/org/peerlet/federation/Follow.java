package org.peerlet.federation;

/** One follow between two actors' URLs; {@code userId} is the local user behind a local follower. */
public record Follow(long id, String follower, String following, boolean localFollower, String state,
                     String activityId, Long userId, long createdAt) {
}
