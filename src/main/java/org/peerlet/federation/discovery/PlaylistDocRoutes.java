package org.peerlet.federation.discovery;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.federation.PlaylistPublisher;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.RouteGroup;
import org.peerlet.playlist.Playlist;
import org.peerlet.playlist.PlaylistService;

/**
 * A playlist's ActivityPub documents at its address, as PeerTube serves them: the
 * {@code Playlist}, its pages ({@code ?page=n}) and each {@code PlaylistElement}. Public and
 * unlisted ones only (an unlisted one by its uuid alone); a private one is not found.
 */
public final class PlaylistDocRoutes implements RouteGroup {
    private static final String ONE = "/video-playlists/{uuid}";

    private final PlaylistService playlists;
    private final PlaylistPublisher publisher;

    public PlaylistDocRoutes(PlaylistService playlists, PlaylistPublisher publisher) {
        this.playlists = playlists;
        this.publisher = publisher;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get(ONE, this::playlist, Access.ANYONE);
        r.get(ONE + "/videos/{elementId}", this::element, Access.ANYONE);
    }

    private Playlist served(Context ctx) {
        String uuid = ctx.pathParam("uuid");
        if (uuid.length() != 36) throw notFound();
        return playlists.find(uuid).filter(PlaylistPublisher::servable).orElseThrow(PlaylistDocRoutes::notFound);
    }

    private static ApiError notFound() {
        return ApiError.notFound("Video playlist not found");
    }

    private void playlist(Context ctx) {
        if (DiscoveryRoutes.page(ctx)) return;
        Playlist p = served(ctx);
        String page = ctx.queryParam("page");
        if (page == null) {
            DiscoveryRoutes.answer(ctx, publisher.head(p));
            return;
        }
        if (!page.matches("\\d{1,4}") || Integer.parseInt(page) < 1) throw ApiError.invalidParam("query", "page", page, "page must be 1 or more");
        DiscoveryRoutes.answer(ctx, publisher.page(p, Integer.parseInt(page)));
    }

    private void element(Context ctx) {
        if (DiscoveryRoutes.page(ctx)) return;
        String id = ctx.pathParam("elementId");
        if (!id.matches("\\d{1,18}")) throw notFound();
        DiscoveryRoutes.answer(ctx, publisher.element(served(ctx), Long.parseLong(id)).orElseThrow(PlaylistDocRoutes::notFound));
    }
}
