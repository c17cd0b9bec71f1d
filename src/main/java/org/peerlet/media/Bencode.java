package org.peerlet.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * BitTorrent's encoding (BEP 3), the writing half only: we make torrents and never read any.
 * Integers, strings (text as UTF-8, or raw bytes), lists, and dictionaries with their keys in
 * byte order; {@link Raw} embeds bytes already encoded, so a stored info dictionary goes out
 * byte for byte as it was hashed.
 */
public final class Bencode {
    /** A value already in bencode. */
    public record Raw(byte[] bytes) {
    }

    private Bencode() {
    }

    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object v) {
        if (v instanceof Raw r) {
            out.writeBytes(r.bytes());
        } else if (v instanceof Integer || v instanceof Long) {
            ascii(out, "i" + v + "e");
        } else if (v instanceof String s) {
            bytes(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof byte[] b) {
            bytes(out, b);
        } else if (v instanceof List<?> list) {
            out.write('l');
            list.forEach(x -> write(out, x));
            out.write('e');
        } else if (v instanceof Map<?, ?> map) {
            dictionary(out, map);
        } else {
            throw new IllegalArgumentException("cannot bencode a " + v.getClass().getSimpleName());
        }
    }

    private static void dictionary(ByteArrayOutputStream out, Map<?, ?> map) {
        TreeMap<byte[], Object> sorted = new TreeMap<>(Arrays::compareUnsigned);
        map.forEach((k, x) -> {
            if (x != null) sorted.put(((String) k).getBytes(StandardCharsets.UTF_8), x);
        });
        out.write('d');
        sorted.forEach((k, x) -> {
            bytes(out, k);
            write(out, x);
        });
        out.write('e');
    }

    private static void bytes(ByteArrayOutputStream out, byte[] b) {
        ascii(out, b.length + ":");
        out.writeBytes(b);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
