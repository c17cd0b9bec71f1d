package org.peerlet.account;

/** What happens to users and accounts, as {@link org.peerlet.common.Events}. */
public final class AccountEvents {
    private AccountEvents() {
    }

    /** A user is about to be removed: their account's rows are still there (delivered at once, before the delete). */
    public record Removing(long accountId) {
    }

    /** Someone signed up by themselves (open registration): their user and account are made. */
    public record Registered(long userId, long accountId) {
    }

    /** Someone asked to join (registration on approval): the request waits for a moderator. */
    public record RegistrationRequested(long registrationId) {
    }

    /** Every session of a user ended (password changed, blocked, removed): tokens minted for them are dead. */
    public record SessionsEnded(long userId) {
    }
}
