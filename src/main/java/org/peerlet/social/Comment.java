package org.peerlet.social;

import org.peerlet.account.Account;

/**
 * A comment on a video, local or from another server; {@code url} is its ActivityPub id.
 * {@code threadId} is the first comment of its thread (null when it is one), {@code inReplyTo}
 * the comment it answers. A deleted comment is a tombstone: {@code deletedAt} set, text empty.
 * {@code format} says how to read the text: Markdown (ours, PeerTube's) or cleaned HTML (Mastodon's).
 */
public record Comment(long id, long videoId, Account account, String url, Long threadId, Long inReplyTo,
                      String text, String format, String summary, boolean heldForReview, Long deletedAt,
                      long createdAt, long updatedAt) {
    public static final String MARKDOWN = "markdown";
    public static final String HTML = "html";

    /** The thread it belongs to: its own id for a thread's first comment. */
    public long thread() {
        return threadId == null ? id : threadId;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The text as safe HTML, PeerTube's subset (empty for a tombstone). */
    public String html() {
        if (isDeleted()) return "";
        return CommentText.html(text, format);
    }
}
