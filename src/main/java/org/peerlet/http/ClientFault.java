package org.peerlet.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.http.HttpException;

import java.io.EOFException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Exceptions that are the client's doing though they come from deep in Jetty: a body it could not
 * parse (a broken multipart, a NUL in a file name, a form over Jetty's size limit) or one that
 * ended early. They are answered as the 4xx they are, and need no stack trace in the log: an
 * anonymous visitor could otherwise fill a Pi's SD card with them.
 */
final class ClientFault {
    private static final Pattern BOUNDARY = Pattern.compile(";\\s*boundary=\\s*[^;\\s]", Pattern.CASE_INSENSITIVE);

    private ClientFault() {
    }

    /** A multipart body without a boundary: Jetty would fail on it with an exception naming no client fault. */
    static void multipartNeedsABoundary(Context ctx) {
        String type = ctx.header("Content-Type");
        if (ctx.method() == HandlerType.GET || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) return;
        if (!BOUNDARY.matcher(type).find()) {
            dropSmallBody(ctx);
            throw ApiError.badRequest("a multipart body needs a boundary in its Content-Type");
        }
    }

    /**
     * Reads and drops up to 1 MB of a body we refuse unread: otherwise Jetty may close the
     * connection after our answer while the client still counts on it (a reused keep-alive
     * connection then fails its next request with no answer at all).
     */
    private static void dropSmallBody(Context ctx) {
        byte[] buf = new byte[8192];
        long left = 1 << 20;
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) left -= n;
        } catch (java.io.IOException e) {
            // the client went away: nothing to answer anyway
        }
    }

    static Optional<ApiError> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return Optional.of(toApiError(h.getCode(), h.getReason(), e));
            }
            if (t instanceof EOFException) return Optional.of(ApiError.badRequest("the request body ended early"));
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }

    private static ApiError toApiError(int code, String reason, Throwable e) {
        if (code == 413 || tooLarge(e)) return ApiError.tooLarge(HttpServer.TOO_LARGE);
        if (code == 431) return new ApiError(431, null, "the request headers are too large");
        return new ApiError(code, null, "the request could not be read" + (reason == null ? "" : ": " + reason));
    }

    /** Jetty refuses a form over its size limit as a plain "bad multipart"; its cause says why. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("larger than max")) return true;
        }
        return false;
    }
}
