package org.peerlet.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A feature's routes; each feature package has one, and {@link HttpServer} adds them all. */
public interface RouteGroup {
    void addTo(JavalinDefaultRoutingApi routes);
}
