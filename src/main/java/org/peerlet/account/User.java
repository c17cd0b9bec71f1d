package org.peerlet.account;

/**
 * A person who can log in. Times are epoch milliseconds. {@code sessionEpoch} moves on when all
 * their sessions end (password changed, blocked): tokens made under an older one are refused.
 * {@code blockedReason} says why a moderator banned them (null when not banned or not said).
 * {@code emailVerified} is null when never asked, false while a sign-up's address waits to be
 * confirmed; {@code language} is the one they read mail in (null: English).
 * {@code twoFactorEnabled}: logging in also takes a code from their authenticator app (the
 * secret itself is never carried here: {@link TwoFactor} alone reads it). {@code adminFlags} are
 * PeerTube's ({@link #BYPASS_AUTO_BLOCK}).
 */
public record User(long id, String username, String email, String passwordHash, Role role,
                   long videoQuota, long videoQuotaDaily, boolean blocked, boolean p2pEnabled,
                   long createdAt, Long lastLoginAt, long sessionEpoch, String blockedReason,
                   boolean videosHistoryEnabled, boolean twoFactorEnabled, Boolean emailVerified, String language, int adminFlags) {
    /** PeerTube's admin flag: this user's uploads are never held by the automatic block. */
    public static final int BYPASS_AUTO_BLOCK = 1;

    /** Whether a new upload of this user waits for a moderator when the instance asks it (PeerTube's autoBlacklist). */
    public boolean uploadsNeedApproval() {
        return !canModerate() && (adminFlags & BYPASS_AUTO_BLOCK) == 0;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean canModerate() {
        return role.atLeast(Role.MODERATOR);
    }
}
