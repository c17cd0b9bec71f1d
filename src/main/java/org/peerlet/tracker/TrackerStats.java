package org.peerlet.tracker;

import java.util.Map;

/**
 * What {@code GET /api/v1/admin/tracker/stats} answers (admins only), as JSON with these field names:
 * <pre>
 * {
 *   "enabled": true,                  p2p_enabled
 *   "admittedInfoHashes": 42,         size of the admitted set (KnownSwarms)
 *   "swarms": 3, "peers": 17,         live swarms and peers in them (a socket in two swarms counts twice)
 *   "seeders": 2, "leechers": 15,     peers with left == 0 / others
 *   "sockets": 12,                    open tracker sockets
 *   "messagesPerSecond": 1.9,         messages received, averaged over the last 60 s
 *   "messagesLastMinute": 114,
 *   "announcesLastMinute": 30, "offersRelayedLastMinute": 60, "answersRelayedLastMinute": 55,
 *   "refusals": {"unknown_info_hash": 1, "malformed": 0, ...}   totals since start, one key per {@link Refusal}
 *   "intervalSeconds": 120, "peerTimeoutSeconds": 300
 * }
 * </pre>
 */
public record TrackerStats(boolean enabled, int admittedInfoHashes, int swarms, int peers, int seeders, int leechers,
                           int sockets, double messagesPerSecond, long messagesLastMinute, long announcesLastMinute,
                           long offersRelayedLastMinute, long answersRelayedLastMinute, Map<String, Long> refusals,
                           int intervalSeconds, long peerTimeoutSeconds) {
}
