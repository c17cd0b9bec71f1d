package org.peerlet.http;

import io.javalin.security.RouteRole;

/** Who may call a route; checked once, before the handler, by the before-handler the server is given. */
public enum Access implements RouteRole {
    ANYONE, USER, MODERATOR, ADMIN
}
