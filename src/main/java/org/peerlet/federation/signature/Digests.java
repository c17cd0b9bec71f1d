package org.peerlet.federation.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The {@code Digest} header of RFC 3230 as ActivityPub servers use it: {@code SHA-256=<base64>}. */
public final class Digests {
    private Digests() {
    }

    public static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header value for a body. */
    public static String header(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
    }

    /**
     * True if the header carries a SHA-256 digest equal to the body's. The header may list several
     * algorithms separated by commas; only SHA-256 is checked, and it must be present.
     */
    public static boolean matches(String header, byte[] body) {
        if (header == null) return false;
        String expected = Base64.getEncoder().encodeToString(sha256(body));
        for (String part : header.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equalsIgnoreCase("SHA-256")) {
                return MessageDigest.isEqual(p.substring(eq + 1).getBytes(StandardCharsets.US_ASCII),
                        expected.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return false;
    }
}
