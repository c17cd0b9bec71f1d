package org.peerlet.http;

import io.javalin.http.Context;

/** Reading path parameters, with a 400 that names what was wrong. */
public final class PathParams {
    private PathParams() {
    }

    /** A numeric id in the path, e.g. {@code /users/{id}}: PeerTube's 400 "Incorrect request parameters: id" otherwise. */
    public static long id(Context ctx, String param) {
        String raw = ctx.pathParam(param);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalidParam(param, raw);
    }
}
