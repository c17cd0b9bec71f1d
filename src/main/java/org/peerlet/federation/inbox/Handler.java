package org.peerlet.federation.inbox;

import java.io.IOException;

/** Handles one (activity type, object type) pair. */
@FunctionalInterface
public interface Handler {
    void handle(Incoming in) throws IOException;
}
