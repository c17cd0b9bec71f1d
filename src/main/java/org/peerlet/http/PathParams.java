package org.peerlet.http;

import io.javalin.http.Context;

/** Reading path parameters, with a 400 that names what was wrong. */
public final class PathParams {
    private PathParams() {
    }

    /** A numeric id in the path, e.g. {@code /users/{id}}: 400 "the user id must be a number" otherwise. */
    public static long id(Context ctx, String param, String what) {
        try {
            return Long.parseLong(ctx.pathParam(param));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the " + what + " id must be a number");
        }
    }
}
