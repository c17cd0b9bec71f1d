package org.peerlet.video;

import java.util.List;
import java.util.Set;

/**
 * What a list asks for: paging, sort, filters, and who may be shown what.
 *
 * @param privacies     privacies anyone asking may see in this list
 * @param ownerAccount  an account whose own videos are all shown, whatever their privacy and state
 * @param everything    admin lists: every privacy and state
 * @param search        words to match with full-text search, or null
 */
public record VideoQuery(int start, int count, String sort, List<Integer> categories, List<Integer> licences,
                         List<String> languages, List<String> tagsOneOf, List<String> tagsAllOf, Boolean nsfw,
                         Boolean isLocal, Set<Privacy> privacies, Long ownerAccount, boolean everything,
                         Long channelId, Long accountId, String search) {
}
