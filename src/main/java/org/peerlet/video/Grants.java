package org.peerlet.video;

/**
 * What {@link VideoAccess} needs to know beyond the video row: shares, passwords, share links
 * and file tokens. Implemented by {@code org.peerlet.privacy.PrivacyService}; answers are cheap
 * (indexed lookups, cached password checks, HMAC for tokens).
 */
public interface Grants {
    boolean sharedWithUser(long videoId, long userId);

    boolean sharedWithAccount(long videoId, long accountId);

    boolean passwordMatches(long videoId, String password);

    /** True if the link token is one of this video's, not expired, not revoked, not used up. */
    boolean linkValid(long videoId, String linkToken);

    boolean fileTokenValid(long videoId, String fileToken);

    /** Grants nothing: only owners, moderators and the privacy level itself decide. */
    Grants NONE = new Grants() {
        public boolean sharedWithUser(long v, long u) {
            return false;
        }

        public boolean sharedWithAccount(long v, long a) {
            return false;
        }

        public boolean passwordMatches(long v, String p) {
            return false;
        }

        public boolean linkValid(long v, String t) {
            return false;
        }

        public boolean fileTokenValid(long v, String t) {
            return false;
        }
    };
}
