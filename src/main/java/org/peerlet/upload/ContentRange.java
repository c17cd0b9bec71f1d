package org.peerlet.upload;

import org.peerlet.http.ApiError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code Content-Range: bytes FIRST-LAST/TOTAL} header, or {@code bytes * /TOTAL} asking where an upload stands. */
record ContentRange(long first, long last, long total) {
    private static final Pattern RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");
    private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d{1,18})");

    boolean isStatusQuery() {
        return first < 0;
    }

    long length() {
        return last - first + 1;
    }

    static ContentRange parse(String header) {
        if (header == null) throw ApiError.badRequest("Content-Range is required, as bytes FIRST-LAST/TOTAL");
        Matcher q = QUERY.matcher(header.strip());
        if (q.matches()) return new ContentRange(-1, -1, Long.parseLong(q.group(1)));
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches()) throw ApiError.badRequest("Content-Range must be bytes FIRST-LAST/TOTAL, not " + header);
        ContentRange r = new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        if (r.last < r.first || r.last >= r.total) throw ApiError.badRequest("Content-Range " + header + " is not a valid range");
        return r;
    }
}
