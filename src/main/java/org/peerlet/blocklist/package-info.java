/**
 * Mutes (PeerTube's blocklists): a person mutes accounts and servers for themselves, moderators
 * for the whole instance. Muted content is hidden from lists, search, comments and notifications
 * ({@link org.peerlet.blocklist.Blockers} is the condition the other features' queries add), and
 * federation refuses activities from accounts the instance muted. The only writer of
 * {@code account_blocks} and {@code server_blocks}.
 */
package org.peerlet.blocklist;
