package org.peerlet.video;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.media.MediaLayout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PeerTube's {@code GET /api/v1/videos/{id}/storyboards} and the sprite sheet itself, under the
 * video's own access rule (a private video's sheet needs what its segments need).
 */
public final class StoryboardRoutes implements RouteGroup {
    static final String PATH = "/lazy-static/storyboards/";
    private static final Pattern FILE = Pattern.compile("([0-9a-f-]{36})\\.jpg");

    private final VideoService videos;
    private final FileAccess access;
    private final MediaLayout media;
    private final Urls urls;

    public StoryboardRoutes(VideoService videos, FileAccess access, MediaLayout media, Urls urls) {
        this.videos = videos;
        this.access = access;
        this.media = media;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/videos/{id}/storyboards", this::list, Access.ANYONE);
        for (var method : List.of(HandlerType.GET, HandlerType.HEAD)) {
            r.addHttpHandler(method, PATH + "{file}", this::file, Access.ANYONE);
        }
    }

    private void list(Context ctx) {
        Video v = videos.viewable(ctx.pathParam("id"), Viewer.of(ctx));
        Ladder.Storyboard s = sheet(v);
        if (s == null) {
            ctx.json(Map.of("storyboards", List.of()));
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storyboardPath", PATH + v.uuid() + ".jpg");
        m.put("fileUrl", urls.base() + PATH + v.uuid() + ".jpg");
        m.put("totalHeight", s.totalHeight());
        m.put("totalWidth", s.totalWidth());
        m.put("spriteHeight", s.spriteHeight());
        m.put("spriteWidth", s.spriteWidth());
        m.put("spriteDuration", s.spriteDuration());
        ctx.json(Map.of("storyboards", List.of(m)));
    }

    private void file(Context ctx) {
        var m = FILE.matcher(ctx.pathParam("file"));
        if (!m.matches()) throw ApiError.notFound("file not found");
        Video v = access.allowed(ctx, m.group(1));
        Ladder.Storyboard s = sheet(v);
        if (s == null) throw ApiError.notFound("file not found");
        MediaRoutes.serve(ctx, v, media.hlsDir(v.uuid()).resolve(s.file()), "image/jpeg");
    }

    /** Only our own transcodes have one here; a remote video's stays at its origin. */
    private static Ladder.Storyboard sheet(Video v) {
        return v.isLocal() && v.ladder() != null ? v.ladder().storyboard() : null;
    }
}
