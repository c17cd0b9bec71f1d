package org.peerlet.federation.model;

/**
 * One of our own actors: the instance (an {@code Application}), an account ({@code Person}) or a
 * channel ({@code Group}). {@code kind} and {@code refId} name the row that owns its key.
 */
public record LocalActor(Kind kind, long refId, String type, String name, String url, String displayName,
                         String description) {

    public enum Kind {
        ACCOUNT("account"), CHANNEL("channel");

        public final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    public String inbox() {
        return url + "/inbox";
    }

    public String outbox() {
        return url + "/outbox";
    }

    public String followers() {
        return url + "/followers";
    }

    public String following() {
        return url + "/following";
    }

    public String keyId() {
        return url + "#main-key";
    }

    public boolean isInstance() {
        return type.equals("Application");
    }
}
