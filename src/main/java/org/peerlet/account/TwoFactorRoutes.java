package org.peerlet.account;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.Body;
import org.peerlet.http.PathParams;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.TrustedProxies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PeerTube's two-factor endpoints. Each call counts against the address's login attempts, since
 * each checks a password or a code.
 */
final class TwoFactorRoutes implements RouteGroup {
    private final TokenService tokens;
    private final TrustedProxies proxies;

    TwoFactorRoutes(TokenService tokens, TrustedProxies proxies) {
        this.tokens = tokens;
        this.proxies = proxies;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post("/api/v1/users/{id}/two-factor/request", this::request, Access.USER);
        r.post("/api/v1/users/{id}/two-factor/confirm-request", this::confirm, Access.USER);
        r.post("/api/v1/users/{id}/two-factor/disable", this::disable, Access.USER);
    }

    private void request(Context ctx) {
        User me = counted(ctx);
        TwoFactor.Request q = tokens.twoFactor().request(me, PathParams.id(ctx, "id"), Body.of(ctx).text("currentPassword").orElse(null));
        Map<String, Object> otp = new LinkedHashMap<>();
        otp.put("requestToken", q.requestToken());
        otp.put("secret", q.secret());
        otp.put("uri", q.uri());
        otp.put("qrCodeSvg", q.qrCodeSvg()); // Peerlet's: the page draws no QR code itself
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("otpRequest", otp));
    }

    private void confirm(Context ctx) {
        User me = counted(ctx);
        Body b = Body.of(ctx);
        tokens.twoFactor().confirm(me, PathParams.id(ctx, "id"), b.required("requestToken"), b.required("otpToken"));
        ctx.status(204);
    }

    private void disable(Context ctx) {
        User me = counted(ctx);
        tokens.twoFactor().disable(me, PathParams.id(ctx, "id"), Body.of(ctx).text("currentPassword").orElse(null));
        ctx.status(204);
    }

    private User counted(Context ctx) {
        User me = Auth.required(ctx);
        tokens.countAttempt(proxies.clientOf(ctx));
        return me;
    }
}
