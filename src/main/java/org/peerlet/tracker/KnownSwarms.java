package org.peerlet.tracker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The info-hashes of public videos whose HLS is published: the swarms the tracker admits.
 *
 * <p>Contract for the video feature (thread-safe, idempotent):
 * <ul>
 *   <li>when a public video's HLS is published (and again for every such video at start-up, since
 *       this set lives in memory only): {@link #admitPlaylist(String, int)} with the master
 *       playlist URL players load and the number of variants in it, or {@link #admit(String)}
 *       per hash;</li>
 *   <li>when it is deleted, made non-public or re-transcoded with other variants:
 *       {@link #forgetPlaylist(String, int)} / {@link #forget(String)}. The tracker drops that
 *       swarm's peers at once and refuses later announces for it.</li>
 * </ul>
 * Tokens are ignored: private videos are not admitted yet.
 */
public final class KnownSwarms implements SwarmPolicy {
    private final Set<String> hashes = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<String>> forgetListeners = new CopyOnWriteArrayList<>();

    /**
     * Admits one info-hash.
     *
     * @throws IllegalArgumentException if it is not a 20-char binary string
     */
    public void admit(String infoHash) {
        if (!InfoHashes.isWellFormed(infoHash)) {
            throw new IllegalArgumentException("an info-hash is 20 chars of 0..255, got " + describe(infoHash));
        }
        hashes.add(infoHash);
    }

    /** Forgets one info-hash; its swarm, if any, is closed. Unknown hashes are ignored. */
    public void forget(String infoHash) {
        if (infoHash != null && hashes.remove(infoHash)) {
            for (Consumer<String> l : forgetListeners) l.accept(infoHash);
        }
    }

    /** Admits variants {@code 0 .. variantCount-1} of a master playlist (see {@link InfoHashes#forPlaylist}). */
    public void admitPlaylist(String masterPlaylistUrl, int variantCount) {
        for (int i = 0; i < variantCount; i++) admit(InfoHashes.forPlaylist(masterPlaylistUrl, i));
    }

    /** Forgets what {@link #admitPlaylist} admitted. */
    public void forgetPlaylist(String masterPlaylistUrl, int variantCount) {
        for (int i = 0; i < variantCount; i++) forget(InfoHashes.forPlaylist(masterPlaylistUrl, i));
    }

    public boolean isAdmitted(String infoHash) {
        return infoHash != null && hashes.contains(infoHash);
    }

    public int size() {
        return hashes.size();
    }

    @Override
    public boolean admits(String infoHash, String token) {
        return isAdmitted(infoHash);
    }

    /** Called with each forgotten hash; the tracker uses it to drop the swarm. */
    void onForget(Consumer<String> listener) {
        forgetListeners.add(listener);
    }

    private static String describe(String s) {
        return s == null ? "null" : s.length() + " chars";
    }
}
