package org.peerlet.account;

/** The public face of a user (or of a remote person, when host is not empty). */
public record Account(long id, Long userId, String name, String host, String displayName, String description,
                      long createdAt, long updatedAt) {

    public boolean isLocal() {
        return host.isEmpty();
    }
}
