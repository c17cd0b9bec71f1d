package org.peerlet.account;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users: me, the admin's user management, and sign-up when the admin opened it. */
public final class UserRoutes implements RouteGroup {
    private final AccountService service;
    private final AccountChannels channels;
    private final Urls urls;
    private final long defaultQuota;
    private final long defaultQuotaDaily;
    private final UserExtras extras;

    public UserRoutes(AccountService service, AccountChannels channels,
                      Urls urls, long defaultQuota, long defaultQuotaDaily, UserExtras extras) {
        this.extras = extras;
        this.service = service;
        this.channels = channels;
        this.urls = urls;
        this.defaultQuota = defaultQuota;
        this.defaultQuotaDaily = defaultQuotaDaily;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/users/me", this::me, Access.USER);
        r.put("/api/v1/users/me", this::updateMe, Access.USER);
        r.get("/api/v1/users", this::list, Access.ADMIN);
        r.post("/api/v1/users", this::create, Access.ADMIN);
        r.get("/api/v1/users/{id}", this::get, Access.ADMIN);
        r.put("/api/v1/users/{id}", this::update, Access.ADMIN);
        r.delete("/api/v1/users/{id}", this::delete, Access.ADMIN);
        r.post("/api/v1/users/{id}/block", this::block, Access.MODERATOR);
        r.post("/api/v1/users/{id}/unblock", this::unblock, Access.MODERATOR);
    }

    Map<String, Object> userJson(User u) {
        Account a = service.accountOf(u.id());
        // A user's own channels name their owner by id: the user is the owner (PeerTube's UserVideoChannel).
        List<Map<String, Object>> chans = channels.json(a).stream().map(c -> {
            Map<String, Object> own = new java.util.LinkedHashMap<>(c);
            own.remove("ownerAccount");
            own.put("ownerAccountId", a.id());
            return own;
        }).toList();
        return AccountJson.user(u, a, chans, urls);
    }

    private void me(Context ctx) {
        User me = Auth.required(ctx);
        Map<String, Object> json = new java.util.LinkedHashMap<>(userJson(me));
        json.putAll(extras.of(me.id()));
        ctx.json(json);
    }

    private void updateMe(Context ctx) {
        User me = Auth.required(ctx);
        Body b = Body.of(ctx);
        Optional<String> password = b.text("password");
        if (password.isPresent()) {
            service.changeOwnPassword(me, b.text("currentPassword").orElse(""), password.get(), Auth.bearer(ctx));
        }
        service.updateProfile(me.id(), b.text("displayName"), b.text("description"));
        service.update(me.id(), new AccountService.Changes(b.text("email"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), b.bool("p2pEnabled")));
        b.bool("videosHistoryEnabled").ifPresent(on -> service.setVideosHistoryEnabled(me.id(), on));
        b.text("language").ifPresent(l -> service.setLanguage(me.id(), l));
        ctx.status(204);
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        List<Map<String, Object>> data = service.users(p.start(), p.count()).stream().map(this::userJson).toList();
        ctx.json(Paging.result(service.countUsers(), data));
    }

    private void create(Context ctx) {
        Body b = Body.of(ctx);
        Role role = Role.of(b.integer("role").orElse(Role.USER.id));
        AccountService.Created c = service.create(new AccountService.NewUser(b.required("username"),
                b.required("password"), b.text("email").orElse(null), role,
                b.number("videoQuota").orElse(defaultQuota), b.number("videoQuotaDaily").orElse(defaultQuotaDaily),
                null, b.text("channelName").orElse(null), null));
        ctx.json(Map.of("user", Map.of("id", c.userId(), "account", Map.of("id", c.accountId()))));
    }

    private static long idParam(Context ctx) {
        return org.peerlet.http.PathParams.id(ctx, "id");
    }

    private void get(Context ctx) {
        User u = service.user(idParam(ctx)).orElseThrow(() -> ApiError.notFound("user not found"));
        ctx.json(userJson(u));
    }

    private void update(Context ctx) {
        Body b = Body.of(ctx);
        long id = idParam(ctx);
        Optional<Role> role = b.integer("role").map(Role::of);
        User updated = service.update(id, new AccountService.Changes(b.text("email"), role, b.number("videoQuota"),
                b.number("videoQuotaDaily"), Optional.empty(), Optional.empty()));
        if (b.text("password").isPresent()) service.setPassword(updated.username(), b.text("password").get());
        b.bool("emailVerified").ifPresent(v -> service.setEmailVerified(id, v));
        ctx.status(204);
    }

    private void delete(Context ctx) {
        service.delete(idParam(ctx));
        ctx.status(204);
    }

    private void block(Context ctx) {
        service.setBlocked(Auth.required(ctx), idParam(ctx), true, Body.of(ctx).text("reason").orElse(null));
        ctx.status(204);
    }

    private void unblock(Context ctx) {
        service.setBlocked(Auth.required(ctx), idParam(ctx), false, null);
        ctx.status(204);
    }
}
