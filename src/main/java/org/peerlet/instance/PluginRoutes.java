package org.peerlet.instance;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.RouteGroup;

import java.util.List;
import java.util.Map;

/**
 * PeerTube's plugin API as an instance without plugins answers it (PeerTube's CLI lists them):
 * none installed, none to install. Admin only, as PeerTube's.
 */
public final class PluginRoutes implements RouteGroup {
    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/plugins", PluginRoutes::none, Access.ADMIN);
        r.get("/api/v1/plugins/available", PluginRoutes::none, Access.ADMIN);
        for (String action : List.of("install", "update", "uninstall")) {
            r.post("/api/v1/plugins/" + action, ctx -> {
                throw ApiError.badRequest("Peerlet has no plugins: what they add to PeerTube is built in or left out");
            }, Access.ADMIN);
        }
    }

    private static void none(Context ctx) {
        ctx.json(Map.of("total", 0, "data", List.of()));
    }
}
