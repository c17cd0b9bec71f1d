package org.peerlet.tracker;

/**
 * Decides which swarms the tracker serves, so it is never an open relay. Asked on every
 * announce (cheap: a set lookup), so a forgotten hash stops being served at once.
 */
@FunctionalInterface
public interface SwarmPolicy {

    /**
     * @param infoHash a 20-char binary string
     * @param token    the {@code token} query parameter of the tracker socket URL, or null (a
     *                 non-public video's swarm wants a valid file token of that video)
     */
    boolean admits(String infoHash, String token);

    /**
     * For a socket that this swarm already admitted: may it stay? By default, as for a newcomer.
     */
    default boolean stillAdmits(String infoHash, String token) {
        return admits(infoHash, token);
    }

    default boolean admits(String infoHash) {
        return admits(infoHash, null);
    }
}
