package org.peerlet.account;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.Body;
import org.peerlet.http.PathParams;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.TrustedProxies;

/**
 * PeerTube's account recovery and address confirmation: ask for a mailed link (204 whether or not
 * the address is known), then use its code with the user's id.
 */
public final class RecoveryRoutes implements RouteGroup {
    private final Recovery recovery;
    private final TrustedProxies proxies;

    public RecoveryRoutes(Recovery recovery, TrustedProxies proxies) {
        this.recovery = recovery;
        this.proxies = proxies;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post("/api/v1/users/ask-reset-password", ctx -> {
            recovery.askReset(Body.of(ctx).text("email").orElse(null), proxies.clientOf(ctx), ctx.header("Accept-Language"));
            ctx.status(204);
        }, Access.ANYONE);
        r.post("/api/v1/users/{id}/reset-password", ctx -> {
            Body b = Body.of(ctx);
            recovery.reset(id(ctx), b.text("verificationString").orElse(null), b.required("password"));
            ctx.status(204);
        }, Access.ANYONE);
        r.post("/api/v1/users/ask-send-verify-email", ctx -> {
            recovery.askVerify(Body.of(ctx).text("email").orElse(null), proxies.clientOf(ctx), ctx.header("Accept-Language"));
            ctx.status(204);
        }, Access.ANYONE);
        r.post("/api/v1/users/{id}/verify-email", ctx -> {
            recovery.verify(id(ctx), Body.of(ctx).text("verificationString").orElse(null));
            ctx.status(204);
        }, Access.ANYONE);
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "id");
    }
}
