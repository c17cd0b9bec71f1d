package org.peerlet.channel;

import org.peerlet.media.Face;

/** A named stream of videos owned by an account; avatar and banner null for none. */
public record Channel(long id, long accountId, String name, String host, String displayName, String description,
                      String support, long createdAt, long updatedAt, Face avatar, Face banner) {

    public boolean isLocal() {
        return host.isEmpty();
    }
}
