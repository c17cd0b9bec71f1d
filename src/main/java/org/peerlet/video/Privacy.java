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

    private static final String LEVELS = "one of 1 (public), 2 (unlisted), 3 (private), 4 (internal), 5 (password protected)";

    /** The level a client asked for by number; 400 naming the field when there is none. */
    public static Privacy asked(int id, String field) {
        return find(id).orElseThrow(() -> org.peerlet.http.ApiError.badRequest(field + " must be " + LEVELS));
    }

    public static Privacy of(int id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("privacy must be " + LEVELS));
    }

    private static java.util.Optional<Privacy> find(int id) {
        for (Privacy p : values()) if (p.id == id) return java.util.Optional.of(p);
        return java.util.Optional.empty();
    }
}
