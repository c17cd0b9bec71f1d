package org.peerlet.common;

/**
 * An account or channel handle, {@code name} or {@code name@host} (a leading {@code @} allowed,
 * as Mastodon writes them). The host is empty when the handle names this instance.
 */
public record Handle(String name, String host) {

    public boolean isLocal() {
        return host.isEmpty();
    }

    public static Handle parse(String handle, String ourHost) {
        String h = handle.strip();
        if (h.startsWith("@")) h = h.substring(1);
        int at = h.indexOf('@');
        if (at < 0) return new Handle(h, "");
        String host = h.substring(at + 1);
        return new Handle(h.substring(0, at), host.equalsIgnoreCase(ourHost) ? "" : host);
    }

    @Override
    public String toString() {
        return isLocal() ? name : name + "@" + host;
    }
}
