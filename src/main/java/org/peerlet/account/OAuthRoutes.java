package org.peerlet.account;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.common.Secrets;
import org.peerlet.http.TrustedProxies;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.InstanceSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/** PeerTube's OAuth endpoints: the local client, the token (password and refresh grants), revoke; two-factor's. */
public final class OAuthRoutes implements RouteGroup {
    private final TokenService tokens;
    private final InstanceSettings instance;
    private final TrustedProxies proxies;

    public OAuthRoutes(TokenService tokens, InstanceSettings instance, TrustedProxies proxies) {
        this.tokens = tokens;
        this.instance = instance;
        this.proxies = proxies;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/oauth-clients/local", this::localClient, Access.ANYONE);
        r.post("/api/v1/users/token", this::token, Access.ANYONE);
        r.post("/api/v1/users/revoke-token", this::revoke, Access.USER);
        new TwoFactorRoutes(tokens, proxies).addTo(r);
    }

    private void localClient(Context ctx) {
        ctx.json(Map.of("client_id", instance.get(InstanceSettings.OAUTH_CLIENT_ID),
                "client_secret", instance.get(InstanceSettings.OAUTH_CLIENT_SECRET)));
    }

    private void token(Context ctx) {
        String ip = proxies.clientOf(ctx);
        tokens.countAttempt(ip);
        Body body = Body.of(ctx);
        String clientId = body.text("client_id").orElse("");
        String clientSecret = body.text("client_secret").orElse("");
        if (!Secrets.constantTimeEquals(clientId, instance.get(InstanceSettings.OAUTH_CLIENT_ID))
                || !Secrets.constantTimeEquals(clientSecret, instance.get(InstanceSettings.OAUTH_CLIENT_SECRET))) {
            throw new ApiError(400, "invalid_client", "Invalid client: client is invalid");
        }
        String grant = body.text("grant_type").orElse("");
        TokenService.Issued issued = switch (grant) {
            case "password" -> passwordGrant(ctx, body, ip);
            case "refresh_token" -> tokens.refresh(body.required("refresh_token"));
            default -> throw new ApiError(400, null,
                    "Unsupported grant type: grant_type must be password or refresh_token");
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token_type", "Bearer");
        out.put("access_token", issued.accessToken());
        out.put("refresh_token", issued.refreshToken());
        out.put("expires_in", issued.expiresIn());
        out.put("refresh_token_expires_in", issued.refreshExpiresIn());
        ctx.header("Cache-Control", "no-store");
        ctx.json(out);
    }

    private TokenService.Issued passwordGrant(Context ctx, Body body, String ip) {
        try {
            return tokens.login(body.required("username"), body.required("password"), ctx.header(TwoFactor.HEADER), ip);
        } catch (ApiError e) {
            // PeerTube's clients read this header to ask the person for the code of their app.
            if ("missing_two_factor".equals(e.code())) ctx.header(TwoFactor.HEADER, TwoFactor.HEADER_REQUIRED);
            throw e;
        }
    }

    private void revoke(Context ctx) {
        Auth.required(ctx);
        tokens.revoke(Auth.bearer(ctx));
        ctx.json(Map.of());
    }
}
