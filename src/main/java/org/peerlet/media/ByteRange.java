package org.peerlet.media;

/**
 * The one byte range a request asks of a body of {@code length} bytes (RFC 9110, 14.1.2): what a
 * seeking player or a BitTorrent web seed sends. Exactly those bytes go back, never more.
 *
 * @param first first byte, from 0
 * @param last  last byte, inclusive
 */
record ByteRange(long first, long last) {

    long count() {
        return last - first + 1;
    }

    String contentRange(long length) {
        return "bytes " + first + "-" + last + "/" + length;
    }

    /**
     * The range asked for, or null to send the whole body: no Range header, one that is not
     * about bytes, several ranges, or one that does not parse (the standard lets a server ignore
     * those).
     *
     * @throws Unsatisfiable when it starts past the end
     */
    static ByteRange of(String header, long length) throws Unsatisfiable {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) return null;
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        try {
            String a = spec.substring(0, dash).strip(), b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) { // the last b bytes
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || length == 0) throw new Unsatisfiable();
                return new ByteRange(Math.max(0, length - suffix), length - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? length - 1 : Long.parseLong(b);
            if (first >= length) throw new Unsatisfiable();
            if (first < 0 || last < first) return null;
            return new ByteRange(first, Math.min(last, length - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A range that starts past the end of the body: answered 416. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
