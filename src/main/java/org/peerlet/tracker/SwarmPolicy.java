package org.peerlet.tracker;

/**
 * Decides which swarms the tracker serves, so it is never an open relay. Asked on every
 * announce (cheap: a set lookup), so a forgotten hash stops being served at once.
 */
@FunctionalInterface
public interface SwarmPolicy {

    /**
     * @param infoHash a 20-char binary string
     * @param token    the {@code token} query parameter of the tracker socket URL, or null; a hook
     *                 for private videos (not used yet: only public videos are admitted)
     */
    boolean admits(String infoHash, String token);

    default boolean admits(String infoHash) {
        return admits(infoHash, null);
    }
}
