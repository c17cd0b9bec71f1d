package org.peerlet.video;

/**
 * What {@link VideoAccess} needs to know beyond the video row: shares, passwords, share links
 * and file tokens. Implemented by the privacy feature; answers are cheap
 * (indexed lookups, cached password checks, HMAC for tokens).
 */
public interface Grants {
    boolean sharedWithUser(long videoId, long userId);

    boolean sharedWithAccount(long videoId, long accountId);

    /**
     * True if the viewer's password is one of this password-protected video's. Asked for any
     * restricted video a password was sent for, so that wrong guesses are counted (and refused
     * with 429 past their limits) alike whatever the video's privacy.
     */
    boolean passwordMatches(Video v, Viewer w);

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

        public boolean passwordMatches(Video v, Viewer w) {
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
