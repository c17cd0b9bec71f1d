package org.peerlet.video;

import org.peerlet.blocklist.Blockers;

import java.util.List;
import java.util.Set;

/**
 * What a list asks for: paging, sort, filters, and who may be shown what.
 *
 * @param privacies     privacies anyone asking may see in this list
 * @param ownerAccount  an account whose own videos are all shown, whatever their privacy and state
 * @param everything    admin lists: every privacy and state
 * @param search        words to match with full-text search, or null
 * @param blockers      whose mutes hide videos from this list (the reader's and the instance's), or null for none
 */
public record VideoQuery(int start, int count, String sort, List<Integer> categories, List<Integer> licences,
                         List<String> languages, List<String> tagsOneOf, List<String> tagsAllOf, Boolean nsfw,
                         Boolean isLocal, Set<Privacy> privacies, Long ownerAccount, boolean everything,
                         Long channelId, Long accountId, String search, Blockers blockers) {

    /** A query no mute narrows: internal lists (start-up, an account's removal, a reviewer's videos). */
    public VideoQuery(int start, int count, String sort, List<Integer> categories, List<Integer> licences,
                      List<String> languages, List<String> tagsOneOf, List<String> tagsAllOf, Boolean nsfw,
                      Boolean isLocal, Set<Privacy> privacies, Long ownerAccount, boolean everything,
                      Long channelId, Long accountId, String search) {
        this(start, count, sort, categories, licences, languages, tagsOneOf, tagsAllOf, nsfw, isLocal, privacies,
                ownerAccount, everything, channelId, accountId, search, null);
    }

    /** The same list, hiding what these blockers muted. */
    public VideoQuery hidingMutedBy(Blockers b) {
        return new VideoQuery(start, count, sort, categories, licences, languages, tagsOneOf, tagsAllOf, nsfw, isLocal,
                privacies, ownerAccount, everything, channelId, accountId, search, b);
    }
}
