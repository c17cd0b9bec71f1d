package org.peerlet.watchedwords;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Auth;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.Body;
import org.peerlet.http.Paging;
import org.peerlet.http.PathParams;
import org.peerlet.http.RouteGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PeerTube 6.2's {@code /watched-words/accounts/{accountName}/lists} and {@code /watched-words/server/lists}. */
public final class WatchedWordsRoutes implements RouteGroup {
    private static final String ACCOUNT = "/api/v1/watched-words/accounts/{accountName}/lists";
    private static final String SERVER = "/api/v1/watched-words/server/lists";

    private final WatchedWords words;

    public WatchedWordsRoutes(WatchedWords words) {
        this.words = words;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        for (String base : List.of(ACCOUNT, SERVER)) {
            Access access = base.equals(SERVER) ? Access.MODERATOR : Access.USER;
            r.get(base, this::list, access);
            r.post(base, this::create, access);
            r.put(base + "/{listId}", this::update, access);
            r.delete(base + "/{listId}", ctx -> {
                words.delete(owner(ctx), PathParams.id(ctx, "listId"));
                ctx.status(204);
            }, access);
        }
    }

    private long owner(Context ctx) {
        return words.owner(Auth.required(ctx), Optional.ofNullable(ctx.pathParamMap().get("accountName")));
    }

    private void list(Context ctx) {
        Paging p = Paging.of(ctx);
        WatchedWords.Page page = words.lists(owner(ctx), p.start(), p.count());
        List<Map<String, Object>> data = page.data().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("listName", l.listName());
            m.put("words", l.words());
            m.put("createdAt", Times.iso(l.createdAt()));
            m.put("updatedAt", Times.iso(l.updatedAt()));
            return m;
        }).toList();
        ctx.json(Paging.result(page.total(), data));
    }

    private void create(Context ctx) {
        long owner = owner(ctx);
        Body b = Body.of(ctx);
        long id = words.create(owner, b.text("listName").orElse(null), b.list("words").orElse(null));
        ctx.json(Map.of("watchedWordsList", Map.of("id", id)));
    }

    private void update(Context ctx) {
        long owner = owner(ctx);
        Body b = Body.of(ctx);
        words.update(owner, PathParams.id(ctx, "listId"), b.text("listName"), b.list("words"));
        ctx.status(204);
    }
}
