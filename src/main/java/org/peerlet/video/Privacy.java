package org.peerlet.video;

/** PeerTube's privacy levels, with its numeric ids. */
public enum Privacy {
    PUBLIC(1, "Public"), UNLISTED(2, "Unlisted"), PRIVATE(3, "Private"), INTERNAL(4, "Internal"),
    PASSWORD_PROTECTED(5, "Password protected");

    public final int id;
    public final String label;

    Privacy(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public static Privacy of(int id) {
        for (Privacy p : values()) if (p.id == id) return p;
        throw new IllegalArgumentException("privacy must be one of 1 (public), 2 (unlisted), 3 (private), "
                + "4 (internal), 5 (password protected)");
    }
}
