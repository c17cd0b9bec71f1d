package org.peerlet.mail;

/**
 * Where and how to send e-mail, from the settings. No host: e-mail is off. {@code heloName} is
 * the name we greet the server with (the public host), {@code from} the sender's address.
 */
public record SmtpConfig(String host, int port, Tls tls, String user, String password, String from, String heloName) {

    /** none: plain; starttls: upgrade after connecting, refused if the server cannot; tls: TLS from the start. */
    public enum Tls {
        NONE, STARTTLS, TLS;

        public static Tls of(String setting) {
            return valueOf(setting.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean enabled() {
        return !host.isBlank();
    }

    /** The sender: the configured one, else noreply@ our public host (without its port). */
    public static String defaultFrom(String configured, String publicHost) {
        if (!configured.isBlank()) return configured.trim();
        int colon = publicHost.lastIndexOf(':');
        String host = colon > 0 && !publicHost.endsWith("]") ? publicHost.substring(0, colon) : publicHost;
        return "noreply@" + host;
    }
}
