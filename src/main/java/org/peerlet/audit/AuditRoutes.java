package org.peerlet.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import org.peerlet.account.Auth;
import org.peerlet.account.User;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.Json;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the audit log after each successful change on a moderators' or admins' route, so no such
 * route can forget to, and answers it to admins at {@code GET /api/v1/server/audit-log} (Peerlet's:
 * PeerTube's {@code audit-logs} dumps its log file). Only names are kept from a body, never values
 * other than the host, account or list it named and the reason given: a reset password is "password".
 */
public final class AuditRoutes implements RouteGroup {
    /** Body fields that say why. */
    private static final List<String> WHY = List.of("reason", "moderationComment", "moderationResponse");
    /** Body fields that say on what, kept as given. */
    private static final List<String> NAMED = List.of("host", "accountName", "listName", "username", "state", "role");

    private final AuditLog log;

    public AuditRoutes(AuditLog log) {
        this.log = log;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/server/audit-log", this::list, Access.ADMIN);
        r.afterMatched("/api/*", this::after);
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        AuditLog.Page page = log.page(p.start(), p.count());
        List<Map<String, Object>> data = page.data().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("user", e.userId() == null ? null : Map.of("id", e.userId(), "username", e.username()));
            m.put("username", e.username());
            m.put("action", e.action());
            m.put("target", e.target());
            m.put("reason", e.reason());
            m.put("createdAt", Times.iso(e.createdAt()));
            return m;
        }).toList();
        ctx.json(Paging.result(page.total(), data));
    }

    private void after(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || ctx.statusCode() >= 300) return;
        Set<RouteRole> roles = ctx.routeRoles();
        if (!roles.contains(Access.MODERATOR) && !roles.contains(Access.ADMIN)) return;
        User by = Auth.user(ctx).orElse(null);
        if (by == null || ctx.endpoints().lastHttpEndpoint() == null) return;
        JsonNode body = body(ctx);
        String reason = null;
        for (String f : WHY) if (reason == null && body.hasNonNull(f)) reason = body.get(f).asText();
        List<String> target = new ArrayList<>(List.of(ctx.path()));
        for (String f : NAMED) if (body.hasNonNull(f) && body.get(f).isValueNode()) target.add(f + "=" + body.get(f).asText());
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!WHY.contains(f) && !NAMED.contains(f)) fields.add(f);
        }
        if (!fields.isEmpty()) target.add("fields=" + String.join(",", fields));
        log.record(by.id(), by.username(), method + " " + ctx.endpoints().lastHttpEndpoint().path, String.join(" ", target), reason);
    }

    /** The JSON body the route read, or nothing (a form, a file, no body). */
    private static JsonNode body(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/json")) return Json.MAPPER.createObjectNode();
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.bodyAsBytes());
            return n != null && n.isObject() ? n : Json.MAPPER.createObjectNode();
        } catch (java.io.IOException | RuntimeException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
