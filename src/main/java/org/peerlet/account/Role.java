package org.peerlet.account;

/** PeerTube's user roles, with its numeric ids. */
public enum Role {
    ADMIN(0, "Administrator"), MODERATOR(1, "Moderator"), USER(2, "User");

    public final int id;
    public final String label;

    Role(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public static Role of(int id) {
        for (Role r : values()) if (r.id == id) return r;
        throw new IllegalArgumentException("unknown role " + id);
    }

    /** True if this role has at least the powers of {@code other}. */
    public boolean atLeast(Role other) {
        return id <= other.id;
    }
}
