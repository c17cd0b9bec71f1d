package org.peerlet.account;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;

import java.util.Optional;
import java.util.Set;

/**
 * Finds who asks (a bearer token) and checks each route's {@link Access} before its handler
 * runs: handed to the HTTP server as a plain before-handler ({@link #check}).
 */
public final class Auth {
    private static final String USER = "peerlet.user";

    private final TokenService tokens;

    public Auth(TokenService tokens) {
        this.tokens = tokens;
    }

    /** Runs before every matched route. */
    public void check(Context ctx) {
        String bearer = bearer(ctx);
        if (bearer != null) {
            User user = tokens.authenticate(bearer)
                    .orElseThrow(() -> new ApiError(401, "invalid_token", "Invalid token: access token is invalid or expired"));
            ctx.attribute(USER, user);
        }
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Access.ANYONE)) return;
        User user = required(ctx);
        Role needed = roles.contains(Access.USER) ? Role.USER : roles.contains(Access.MODERATOR) ? Role.MODERATOR : Role.ADMIN;
        if (!user.role().atLeast(needed)) throw ApiError.forbidden("you are not allowed to do this");
    }

    /** The request's bearer token (its {@code Authorization} header), or null. */
    public static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    public static User required(Context ctx) {
        return user(ctx).orElseThrow(() -> ApiError.unauthorized("log in first: this needs an access token"));
    }
}
