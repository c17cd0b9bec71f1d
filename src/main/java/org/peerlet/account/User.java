package org.peerlet.account;

/**
 * A person who can log in. Times are epoch milliseconds. {@code sessionEpoch} moves on when all
 * their sessions end (password changed, blocked): tokens made under an older one are refused.
 * {@code blockedReason} says why a moderator banned them (null when not banned or not said).
 * {@code emailVerified} is null when never asked, false while a sign-up's address waits to be
 * confirmed; {@code language} is the one they read mail in (null: English).
 * {@code twoFactorEnabled}: logging in also takes a code from their authenticator app (the
 * secret itself is never carried here: {@link TwoFactor} alone reads it).
 */
public record User(long id, String username, String email, String passwordHash, Role role,
                   long videoQuota, long videoQuotaDaily, boolean blocked, boolean p2pEnabled,
                   long createdAt, Long lastLoginAt, long sessionEpoch, String blockedReason,
                   boolean videosHistoryEnabled, boolean twoFactorEnabled, Boolean emailVerified, String language) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean canModerate() {
        return role.atLeast(Role.MODERATOR);
    }
}
