package org.peerlet.video;

import java.math.BigInteger;
import java.util.UUID;

/**
 * PeerTube's short form of a UUID: the 128 bits written in the Flickr base-58 alphabet, padded
 * to 22 characters, so short links made by PeerTube tools look the same here.
 */
public final class ShortUuid {
    private static final String ALPHABET = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int LENGTH = 22;

    private ShortUuid() {
    }

    public static String of(UUID uuid) {
        BigInteger n = new BigInteger(uuid.toString().replace("-", ""), 16);
        StringBuilder sb = new StringBuilder();
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        while (sb.length() < LENGTH) sb.append(ALPHABET.charAt(0));
        return sb.reverse().toString();
    }

    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** How PeerTube names a video or playlist in a path: a numeric id, a UUID or a short UUID. */
    public static boolean isIdOrUuid(String s) {
        return s.matches("\\d{1,18}") || UUID_TEXT.matcher(s).matches() || looksLikeOne(s);
    }

    public static boolean looksLikeOne(String s) {
        if (s.length() != LENGTH) return false;
        for (int i = 0; i < s.length(); i++) if (ALPHABET.indexOf(s.charAt(i)) < 0) return false;
        return true;
    }
}
