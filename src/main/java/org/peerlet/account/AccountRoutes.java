package org.peerlet.account;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;

import java.util.List;
import java.util.Map;

/** Public account pages of the API: {@code /api/v1/accounts/{name}} and its channels. */
public final class AccountRoutes implements RouteGroup {
    private final AccountDirectory accounts;
    private final AccountChannels channels;
    private final Urls urls;

    public AccountRoutes(AccountDirectory accounts, AccountChannels channels, Urls urls) {
        this.accounts = accounts;
        this.channels = channels;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/accounts/{name}", this::get, Access.ANYONE);
        r.get("/api/v1/accounts/{name}/video-channels", this::channels, Access.ANYONE);
    }

    /** Finds an account by {@code name} or {@code name@host}. */
    public Account require(String handle) {
        return accounts.byHandle(org.peerlet.common.Handle.parse(handle, urls.host()))
                .orElseThrow(() -> ApiError.notFound("account not found"));
    }

    private void get(Context ctx) {
        ctx.json(AccountJson.account(require(ctx.pathParam("name")), urls));
    }

    private void channels(Context ctx) {
        Account a = require(ctx.pathParam("name"));
        List<Map<String, Object>> data = channels.json(a);
        ctx.json(Paging.result(data.size(), data));
    }
}
