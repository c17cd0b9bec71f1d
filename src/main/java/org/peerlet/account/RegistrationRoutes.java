package org.peerlet.account;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.PathParams;
import org.peerlet.http.RouteGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sign-up, open or on approval, and the moderators' queue of requests (PeerTube's registrations API). */
public final class RegistrationRoutes implements RouteGroup {
    private final Registrations registrations;

    public RegistrationRoutes(Registrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.post("/api/v1/users/register", this::register, Access.ANYONE);
        r.post("/api/v1/users/registrations/request", this::request, Access.ANYONE);
        r.get("/api/v1/users/registrations", this::list, Access.MODERATOR);
        r.post("/api/v1/users/registrations/{id}/accept", ctx -> ctx.json(json(registrations.accept(id(ctx),
                Body.of(ctx).text("moderationResponse").orElse(null)))), Access.MODERATOR);
        r.post("/api/v1/users/registrations/{id}/reject", ctx -> ctx.json(json(registrations.reject(id(ctx),
                Body.of(ctx).text("moderationResponse").orElse(null)))), Access.MODERATOR);
        r.delete("/api/v1/users/registrations/{id}", ctx -> {
            registrations.delete(id(ctx));
            ctx.status(204);
        }, Access.MODERATOR);
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "id");
    }

    private static Registrations.SignUp signUp(Body b) {
        return new Registrations.SignUp(b.required("username"), b.required("password"), b.required("email"),
                b.text("displayName").orElse(null),
                b.node("channel").map(n -> n.path("name").asText(null)).orElse(null),
                b.node("channel").map(n -> n.path("displayName").asText(null)).orElse(null));
    }

    private void register(Context ctx) {
        registrations.register(signUp(Body.of(ctx)), ctx.header("Accept-Language"));
        ctx.status(204);
    }

    private void request(Context ctx) {
        Body b = Body.of(ctx);
        ctx.json(json(registrations.request(signUp(b), b.text("registrationReason").orElse(null))));
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        String search = ctx.queryParam("search");
        List<Map<String, Object>> data = registrations.list(search, p.start(), p.count()).stream().map(RegistrationRoutes::json).toList();
        ctx.json(Paging.result(registrations.count(search), data));
    }

    /** PeerTube's {@code UserRegistration}. */
    static Map<String, Object> json(Registration r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("state", Map.of("id", r.state(), "label", r.stateLabel()));
        m.put("registrationReason", r.reason());
        m.put("moderationResponse", r.moderationResponse());
        m.put("username", r.username());
        m.put("email", r.email());
        m.put("emailVerified", null);
        m.put("accountDisplayName", r.displayName());
        m.put("channelHandle", r.channelName());
        m.put("channelDisplayName", r.channelDisplayName());
        m.put("createdAt", Times.iso(r.createdAt()));
        m.put("updatedAt", Times.iso(r.updatedAt()));
        m.put("user", r.userId() == null ? null : Map.of("id", r.userId()));
        return m;
    }
}
