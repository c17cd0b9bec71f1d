package org.peerlet.media;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpDateTime;

/**
 * RFC 9110's conditional requests (section 13.2.2) against a file's strong ETag and its time in
 * whole seconds (what Last-Modified can say). A date that does not parse is ignored, as the RFC
 * asks; an ETag list is compared entry by entry.
 */
final class Preconditions {
    private Preconditions() {
    }

    /** If-Match, or else If-Unmodified-Since: false means 412. */
    static boolean holdFor(Context ctx, String etag, long modifiedSeconds) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null) return anyMatches(ifMatch, etag, true);
        long since = seconds(ctx.header("If-Unmodified-Since"));
        return since < 0 || modifiedSeconds <= since;
    }

    /** If-None-Match, or else If-Modified-Since: true means 304 (for GET and HEAD, the only methods here). */
    static boolean notModified(Context ctx, String etag, long modifiedSeconds) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) return anyMatches(ifNoneMatch, etag, false);
        long since = seconds(ctx.header("If-Modified-Since"));
        return since >= 0 && modifiedSeconds <= since;
    }

    /** Whether a Range header is to be honoured: no If-Range, or one naming this very version (strong match or exact date). */
    static boolean rangeApplies(Context ctx, String etag, long modifiedSeconds) {
        String ifRange = ctx.header("If-Range");
        if (ifRange == null) return true;
        String v = ifRange.strip();
        if (v.startsWith("\"") || v.startsWith("W/")) return v.equals(etag);
        long date = seconds(v);
        return date >= 0 && date == modifiedSeconds;
    }

    /** {@code *} or any entry of the list; weak comparison ignores a {@code W/} prefix, strong refuses it. */
    private static boolean anyMatches(String list, String etag, boolean strong) {
        for (String entry : list.split(",")) {
            String e = entry.strip();
            if (e.equals("*")) return true;
            if (!strong && e.startsWith("W/")) e = e.substring(2);
            if (e.equals(etag)) return true;
        }
        return false;
    }

    /** An HTTP date in epoch seconds; -1 when absent or not a date. */
    private static long seconds(String httpDate) {
        if (httpDate == null || httpDate.length() > 64) return -1;
        try {
            long millis = HttpDateTime.parseToEpoch(httpDate.strip());
            return millis < 0 ? -1 : millis / 1000;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
