package org.peerlet.channel;

/** A named stream of videos owned by an account. */
public record Channel(long id, long accountId, String name, String host, String displayName, String description,
                      String support, long createdAt, long updatedAt) {

    public boolean isLocal() {
        return host.isEmpty();
    }
}
