package org.peerlet.mail;

/** One plain-text e-mail to one address. */
public record Mail(String to, String subject, String text) {

    /** The part of an address logs may show: its domain, not who. */
    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "an address" : "…" + address.substring(at);
    }
}
