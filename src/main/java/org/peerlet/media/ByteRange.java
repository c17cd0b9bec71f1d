package org.peerlet.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes {@code first..last} (inclusive) of a file to send, read from a {@code Range} header as
 * RFC 9110 (section 14) says. One range only: a header with several is answered with the whole
 * file, which the RFC allows and which costs a visitor's many tiny ranges nothing.
 *
 * @param partial false when the whole file is sent as a plain 200 (no header, or one to ignore)
 */
public record ByteRange(long first, long last, boolean partial) {
    /** {@code a-b}, {@code a-} or the suffix {@code -n}; ASCII digits only (\d is ASCII in Java). */
    private static final Pattern SPEC = Pattern.compile("(\\d*)-(\\d*)");

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of a 206 for a file of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The {@code Content-Range} of a 416: the file's size. */
    public static String unsatisfied(long size) {
        return "bytes */" + size;
    }

    public static ByteRange whole(long size) {
        return new ByteRange(0, size - 1, false);
    }

    /**
     * What to send of a file of {@code size} bytes for this {@code Range} header (null when there
     * is none): empty when the range is well formed but lies beyond the file (416); the whole file
     * when the header is malformed, inverted ({@code 5-1}), of another unit or lists several ranges.
     */
    public static Optional<ByteRange> of(String header, long size) {
        if (header == null) return Optional.of(whole(size));
        String h = header.strip();
        if (h.length() < 6 || !h.regionMatches(true, 0, "bytes=", 0, 6)) return Optional.of(whole(size));
        Matcher m = SPEC.matcher(h.substring(6).strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) return Optional.of(whole(size));
        if (m.group(1).isEmpty()) return suffix(number(m.group(2)), size);
        long first = number(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : number(m.group(2));
        if (last < first) return Optional.of(whole(size));
        if (first >= size) return Optional.empty();
        return Optional.of(new ByteRange(first, Math.min(last, size - 1), true));
    }

    /** The last {@code n} bytes; all of them when the file is shorter; none is unsatisfiable. */
    private static Optional<ByteRange> suffix(long n, long size) {
        if (n == 0 || size == 0) return Optional.empty();
        return Optional.of(new ByteRange(Math.max(0, size - n), size - 1, true));
    }

    /** A position; numbers too big for a long are beyond any file, so they saturate. */
    private static long number(String digits) {
        String d = digits.replaceFirst("^0+(?=.)", "");
        return d.length() > 18 ? Long.MAX_VALUE : Long.parseLong(d);
    }
}
