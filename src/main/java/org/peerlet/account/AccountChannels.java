package org.peerlet.account;

import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;

/**
 * What accounts need of channels: every local account is made with its first channel, and shows
 * its channels. The channel feature implements it, so channel depends on account and not back.
 */
public interface AccountChannels {

    /** Whether a local channel already has this name (users and channels share one namespace). */
    boolean localNameTaken(DSLContext tx, String name);

    /** Makes the account's first channel in the caller's transaction; returns its id. */
    long createFirst(DSLContext tx, long accountId, String name, String displayName);

    /** The account's channels as the API shows them. */
    List<Map<String, Object>> json(Account a);
}
