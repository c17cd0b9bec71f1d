package org.peerlet.instance;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.RouteGroup;

import java.util.List;

/** {@code /api/v1/config}, {@code /config/about} and the admin's {@code /config/custom}, PeerTube-shaped. */
public final class InstanceRoutes implements RouteGroup {
    /** What the rest of the app tells the config endpoint; fixed at start. */
    public record Capabilities(List<Integer> resolutions, boolean p2pEnabled,
                               long defaultVideoQuota, long defaultVideoQuotaDaily, List<String> videoExtensions,
                               int defaultPrivacy, boolean emailEnabled) {
    }

    private final InstanceSettings settings;
    private final Capabilities caps;
    private final CustomConfig custom;

    public InstanceRoutes(InstanceSettings settings, Capabilities caps) {
        this.settings = settings;
        this.caps = caps;
        this.custom = new CustomConfig(settings, caps.emailEnabled());
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/config", this::config, Access.ANYONE);
        r.get("/api/v1/config/about", this::about, Access.ANYONE);
        r.get("/api/v1/config/custom", this::getCustom, Access.ADMIN);
        r.put("/api/v1/config/custom", this::putCustom, Access.ADMIN);
        // No custom homepage (config says homepage.enabled false): PeerTube's answer when it has none.
        r.get("/api/v1/custom-pages/homepage/instance", ctx -> {
            throw ApiError.notFound("Instance homepage could not be found");
        }, Access.ANYONE);
    }

    private void config(Context ctx) {
        ctx.json(ServerConfigJson.of(settings, caps));
    }

    private void about(Context ctx) {
        ctx.json(custom.about());
    }

    private void getCustom(Context ctx) {
        ctx.json(custom.json());
    }

    private void putCustom(Context ctx) {
        custom.apply(Body.of(ctx));
        ctx.json(custom.json());
    }
}
