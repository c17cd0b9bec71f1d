package org.peerlet.privacy;

import org.peerlet.account.Account;
import org.peerlet.video.Video;

/** What changes in who may see a video, as {@link org.peerlet.common.Events}. */
public final class PrivacyEvents {
    private PrivacyEvents() {
    }

    /** A grant was taken back: the video's file tokens are already dead. */
    public record GrantRevoked(long videoId) {
    }

    /** A video was shared with this account by name (told after {@link SharesChanged}). */
    public record SharedWith(Video video, Account account) {
    }

    /** A share was added ({@code removed} null) or taken back ({@code removed}, that account). */
    public record SharesChanged(Video video, Account removed) {
    }
}
