package org.peerlet.video;

/**
 * What {@link VideoAccess} needs to know beyond the video or playlist row: shares, passwords,
 * share links and file tokens. Implemented by the privacy feature; answers are cheap
 * (indexed lookups, cached password checks, HMAC for tokens).
 */
public interface Grants {
    /** Is the video or playlist shared with one of this local user's accounts? */
    boolean sharedWithUser(Subject s, long userId);

    /** Is it shared with this (remote, HTTP-signed) account? */
    boolean sharedWithAccount(Subject s, long accountId);

    /**
     * True if the viewer's password is one of this password-protected video's. Asked for any
     * restricted video a password was sent for, so that wrong guesses are counted (and refused
     * with 429 past their limits) alike whatever the video's privacy.
     */
    boolean passwordMatches(Video v, Viewer w);

    /** True if the link token is one of this video's or playlist's, not expired, not revoked, not used up. */
    boolean linkValid(Subject s, String linkToken);

    boolean fileTokenValid(long videoId, String fileToken);

    /** Grants nothing: only owners, moderators and the privacy level itself decide. */
    Grants NONE = new Grants() {
        public boolean sharedWithUser(Subject s, long u) {
            return false;
        }

        public boolean sharedWithAccount(Subject s, long a) {
            return false;
        }

        public boolean passwordMatches(Video v, Viewer w) {
            return false;
        }

        public boolean linkValid(Subject s, String t) {
            return false;
        }

        public boolean fileTokenValid(long v, String t) {
            return false;
        }
    };
}
