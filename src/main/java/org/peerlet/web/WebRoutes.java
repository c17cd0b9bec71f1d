package org.peerlet.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.WebShell;

import java.util.List;

/**
 * The web UI's page addresses. The browser app routes them itself; the server only answers each
 * with the app's shell ({@code web/index.html}), so that a shared link like {@code /w/{shortUUID}}
 * or a reload on any page works.
 */
public final class WebRoutes implements RouteGroup {
    /**
     * Every page the app has; PeerTube's own paths too, so links from PeerTube instances land.
     * Watch pages ({@code /w/{id}}, {@code /videos/watch/{id}}) are answered by
     * {@link org.peerlet.sharing.ShareRoutes}, which adds link-preview tags for public videos.
     */
    static final List<String> PAGES = List.of(
            "/login", "/signup", "/upload", "/my-videos", "/admin", "/about", "/search", "/settings",
            "/videos/recently-added", "/videos/trending", "/videos/local", "/videos/subscriptions",
            "/c/{handle}", "/video-channels/{handle}", "/a/{name}");


    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        for (String page : PAGES) r.get(page, this::shell, Access.ANYONE);
    }

    private void shell(Context ctx) {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(WebShell.html());
    }
}
