package org.peerlet.http;

import io.javalin.http.Context;

/** Told of every request once it is answered (metrics count them); must be quick and never throw. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (ctx, ms) -> { };

    void answered(Context ctx, float ms);
}
