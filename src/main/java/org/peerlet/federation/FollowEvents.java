package org.peerlet.federation;

import org.peerlet.account.Account;
import org.peerlet.federation.model.LocalActor;

/** What happens to follows of our actors, as {@link org.peerlet.common.Events}. */
public final class FollowEvents {
    private FollowEvents() {
    }

    /**
     * Someone began to follow one of our accounts or channels: a local user's subscription or a
     * remote Follow, never a repeat of one that was already there.
     */
    public record Followed(long followId, LocalActor target) {
    }

    /** A follow of one of ours, as a notification shows it: who follows what, and where it stands. */
    public record Described(long followId, Account follower, LocalActor target, String state) {
    }
}
