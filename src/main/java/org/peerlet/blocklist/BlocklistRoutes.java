package org.peerlet.blocklist;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Account;
import org.peerlet.account.AccountJson;
import org.peerlet.account.Auth;
import org.peerlet.account.User;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * PeerTube's blocklists: {@code /users/me/blocklist/accounts|servers} (a person's mutes),
 * {@code /server/blocklist/accounts} (the instance's, moderators only) and {@code /blocklist/status}.
 * The instance's server blocks are federation's ({@code /server/blocklist/servers}).
 */
public final class BlocklistRoutes implements RouteGroup {
    private final Blocklists blocklists;
    private final Predicate<String> hostBlockedByInstance;
    private final Urls urls;

    public BlocklistRoutes(Blocklists blocklists, Predicate<String> hostBlockedByInstance, Urls urls) {
        this.blocklists = blocklists;
        this.hostBlockedByInstance = hostBlockedByInstance;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/users/me/blocklist/accounts", ctx -> accounts(ctx, mine(ctx)), Access.USER);
        r.post("/api/v1/users/me/blocklist/accounts", ctx -> mute(ctx, mine(ctx)), Access.USER);
        r.delete("/api/v1/users/me/blocklist/accounts/{accountName}", ctx -> unmute(ctx, mine(ctx)), Access.USER);
        r.get("/api/v1/users/me/blocklist/servers", this::hosts, Access.USER);
        r.post("/api/v1/users/me/blocklist/servers", ctx -> {
            blocklists.muteHost(Auth.required(ctx), Body.of(ctx).text("host").orElse(null));
            ctx.status(204);
        }, Access.USER);
        r.delete("/api/v1/users/me/blocklist/servers/{host}", ctx -> {
            blocklists.unmuteHost(Auth.required(ctx), ctx.pathParam("host"));
            ctx.status(204);
        }, Access.USER);
        r.get("/api/v1/server/blocklist/accounts", ctx -> accounts(ctx, Optional.empty()), Access.MODERATOR);
        r.post("/api/v1/server/blocklist/accounts", ctx -> mute(ctx, Optional.empty()), Access.MODERATOR);
        r.delete("/api/v1/server/blocklist/accounts/{accountName}", ctx -> unmute(ctx, Optional.empty()), Access.MODERATOR);
        r.get("/api/v1/blocklist/status", this::status, Access.ANYONE);
    }

    private static Optional<User> mine(Context ctx) {
        return Optional.of(Auth.required(ctx));
    }

    private void mute(Context ctx, Optional<User> by) {
        blocklists.muteAccount(by, Body.of(ctx).text("accountName").orElse(null));
        ctx.status(204);
    }

    private void unmute(Context ctx, Optional<User> by) {
        blocklists.unmuteAccount(by, ctx.pathParam("accountName"));
        ctx.status(204);
    }

    /** The muting account as PeerTube names it: the person's own, or the instance's. */
    private Map<String, Object> byAccount(Optional<User> by) {
        Account a = by.map(u -> blocklists.accountOf(u)).orElseGet(blocklists::instanceAccount);
        return AccountJson.account(a, urls);
    }

    /** PeerTube's {@code AccountBlock}s. */
    private void accounts(Context ctx, Optional<User> by) {
        Paging p = Paging.of(ctx);
        Blocklists.Page<BlocklistRepository.AccountMute> page = blocklists.accounts(by, p.start(), p.count());
        Map<String, Object> byAccount = byAccount(by);
        List<Map<String, Object>> data = page.data().stream().map(m -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("byAccount", byAccount);
            j.put("blockedAccount", AccountJson.account(m.blocked(), urls));
            j.put("createdAt", Times.iso(m.createdAt()));
            return j;
        }).toList();
        ctx.json(Paging.result(page.total(), data));
    }

    /** PeerTube's {@code ServerBlock}s of the person. */
    private void hosts(Context ctx) {
        User me = Auth.required(ctx);
        Paging p = Paging.of(ctx);
        Blocklists.Page<BlocklistRepository.HostMute> page = blocklists.hosts(me, p.start(), p.count());
        Map<String, Object> byAccount = byAccount(Optional.of(me));
        List<Map<String, Object>> data = page.data().stream()
                .map(m -> serverBlock(byAccount, m.host(), m.createdAt())).toList();
        ctx.json(Paging.result(page.total(), data));
    }

    /** PeerTube's {@code ServerBlock}: also how federation answers the instance's list. */
    public static Map<String, Object> serverBlock(Map<String, Object> byAccount, String host, long createdAt) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("byAccount", byAccount);
        j.put("blockedServer", Map.of("host", host));
        j.put("createdAt", Times.iso(createdAt));
        return j;
    }

    /** PeerTube's {@code BlockStatus}: {@code ?accounts=a@host&hosts=host}, by the instance and by me. */
    private void status(Context ctx) {
        Optional<User> me = Auth.user(ctx);
        Map<String, Object> accounts = new LinkedHashMap<>();
        for (String handle : values(ctx, "accounts")) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("blockedByServer", blocklists.accountMutedBy(Optional.empty(), handle));
            me.ifPresent(u -> s.put("blockedByUser", blocklists.accountMutedBy(me, handle)));
            accounts.put(handle, s);
        }
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (String host : values(ctx, "hosts")) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("blockedByServer", hostBlockedByInstance.test(host));
            me.ifPresent(u -> s.put("blockedByUser", blocklists.hostMutedBy(u, host)));
            hosts.put(host, s);
        }
        ctx.json(Map.of("accounts", accounts, "hosts", hosts));
    }

    private static List<String> values(Context ctx, String name) {
        List<String> out = ctx.queryParams(name).stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (out.size() > 100) throw org.peerlet.http.ApiError.badRequest(name + " names at most 100");
        return out;
    }
}
