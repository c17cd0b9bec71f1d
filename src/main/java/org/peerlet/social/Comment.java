package org.peerlet.social;

import org.peerlet.account.Account;

/** A comment on a video, local or from another server; {@code url} is its ActivityPub id. */
public record Comment(long id, long videoId, Account account, String url, Long inReplyTo, String text,
                      long createdAt, long updatedAt) {
}
