package org.peerlet.watchedwords;

import java.util.List;

/** PeerTube's {@code WatchedWordsList}: a named list of words of one account (or of the instance). */
public record WordList(long id, long accountId, String listName, List<String> words, long createdAt, long updatedAt) {
}
