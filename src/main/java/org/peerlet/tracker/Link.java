package org.peerlet.tracker;

/**
 * One client socket as the tracker sees it; {@link TrackerRoutes} adapts a Jetty session to it,
 * and unit tests can pass their own. Implementations must be safe to call from any thread.
 */
interface Link {
    /** The client's address, as used for per-address limits. */
    String ip();

    /** Queues a text message without blocking; {@code done} runs once it is written or has failed. */
    void send(String text, Runnable done);

    /** Closes the socket with a code from {@link CloseCodes} and a short reason. */
    void close(int code, String reason);

    /** Sends a WebSocket ping (keeps proxies from dropping a quiet connection). */
    void ping();
}
