package org.peerlet.tracker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
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
 * Non-public videos (private, internal, password-protected, shared) are admitted with
 * {@link #admitRestrictedPlaylist}: their swarms take only announces whose socket token is a
 * valid file token of that very video (checked as given to the constructor), checked on every announce, so
 * a peer whose grant was revoked is refused at its next announce. A socket already in the swarm
 * may stay after its token's hour is up (the socket URL cannot change while the player renews its
 * file token), within a grace period; a new socket needs a token that is still good.
 */
public final class KnownSwarms implements SwarmPolicy {
    private final Set<String> hashes = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Long> restricted = new ConcurrentHashMap<>();
    private final BiPredicate<Long, String> tokenCheck;
    private final BiPredicate<Long, String> heldTokenCheck;
    private final CopyOnWriteArrayList<Consumer<String>> forgetListeners = new CopyOnWriteArrayList<>();

    /**
     * {@code toJoin} and {@code toStay} say how a socket token is checked for a restricted swarm,
     * (video id, token) to yes or no: to join it, and to stay in it once joined.
     */
    public KnownSwarms(BiPredicate<Long, String> toJoin, BiPredicate<Long, String> toStay) {
        this.tokenCheck = toJoin;
        this.heldTokenCheck = toStay;
    }

    /** Public swarms only: every token is refused. */
    public KnownSwarms() {
        this((video, token) -> false, (video, token) -> false);
    }

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

    /** Forgets one info-hash, public or restricted; its swarm, if any, is closed. Unknown hashes are ignored. */
    public void forget(String infoHash) {
        if (infoHash == null) return;
        boolean was = hashes.remove(infoHash);
        was |= restricted.remove(infoHash) != null;
        if (was) {
            for (Consumer<String> l : forgetListeners) l.accept(infoHash);
        }
    }


    /** Admits a non-public video's variants: only peers holding a valid token of {@code videoId} may announce. */
    public void admitRestrictedPlaylist(String masterPlaylistUrl, int variantCount, long videoId) {
        for (int i = 0; i < variantCount; i++) admitRestricted(InfoHashes.forPlaylist(masterPlaylistUrl, i), videoId);
    }

    /** Admits one swarm of a non-public video (a rung's torrent): peers need a valid token of {@code videoId}. */
    public void admitRestricted(String infoHash, long videoId) {
        hashes.remove(infoHash);
        restricted.put(infoHash, videoId);
    }

    /** Admits variants {@code 0 .. variantCount-1} of a master playlist (see {@link InfoHashes#forPlaylist}). */
    public void admitPlaylist(String masterPlaylistUrl, int variantCount) {
        for (int i = 0; i < variantCount; i++) admit(InfoHashes.forPlaylist(masterPlaylistUrl, i));
    }

    /** Forgets what {@link #admitPlaylist} admitted. */
    public void forgetPlaylist(String masterPlaylistUrl, int variantCount) {
        for (int i = 0; i < variantCount; i++) forget(InfoHashes.forPlaylist(masterPlaylistUrl, i));
    }

    /** True for a public swarm (restricted ones need a token: see {@link #admits}). */
    public boolean isAdmitted(String infoHash) {
        return infoHash != null && hashes.contains(infoHash);
    }

    public int size() {
        return hashes.size() + restricted.size();
    }

    @Override
    public boolean admits(String infoHash, String token) {
        return admits(infoHash, token, tokenCheck);
    }

    @Override
    public boolean stillAdmits(String infoHash, String token) {
        return admits(infoHash, token, heldTokenCheck);
    }

    private boolean admits(String infoHash, String token, java.util.function.BiPredicate<Long, String> check) {
        if (isAdmitted(infoHash)) return true;
        Long video = infoHash == null ? null : restricted.get(infoHash);
        return video != null && token != null && check.test(video, token);
    }

    /** Called with each forgotten hash; the tracker uses it to drop the swarm. */
    void onForget(Consumer<String> listener) {
        forgetListeners.add(listener);
    }

    private static String describe(String s) {
        return s == null ? "null" : s.length() + " chars";
    }
}
