package org.peerlet.account;

import org.peerlet.media.Face;

/** The public face of a user (or of a remote person, when host is not empty); avatar null for none. */
public record Account(long id, Long userId, String name, String host, String displayName, String description,
                      long createdAt, long updatedAt, Face avatar) {

    public boolean isLocal() {
        return host.isEmpty();
    }
}
