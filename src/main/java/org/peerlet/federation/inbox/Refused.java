package org.peerlet.federation.inbox;

/** An activity we will not act on because it claims what its signer does not own: 403. */
public final class Refused extends RuntimeException {
    public Refused(String message) {
        super(message, null, false, false);
    }
}
