package org.peerlet.caption;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Auth;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Paging;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.video.FileAccess;
import org.peerlet.video.MediaRoutes;
import org.peerlet.video.Video;
import org.peerlet.video.VideoConstants;
import org.peerlet.video.VideoService;
import org.peerlet.video.Viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PeerTube's captions API ({@code /api/v1/videos/{id}/captions}) and the caption files, which
 * are a video's files like its segments: each request is let through by {@link FileAccess}.
 */
public final class CaptionRoutes implements RouteGroup {
    private static final Pattern FILE = Pattern.compile("[0-9a-f-]{36}-[A-Za-z-]{2,16}-[0-9a-f]{8}\\.vtt");

    private final CaptionService captions;
    private final VideoService videos;
    private final FileAccess files;
    private final Urls urls;

    public CaptionRoutes(CaptionService captions, VideoService videos, FileAccess files, Urls urls) {
        this.captions = captions;
        this.videos = videos;
        this.files = files;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/videos/{id}/captions", this::list, Access.ANYONE);
        r.put("/api/v1/videos/{id}/captions/{captionLanguage}", this::put, Access.USER);
        r.delete("/api/v1/videos/{id}/captions/{captionLanguage}", this::delete, Access.USER);
        r.get(Caption.PATH + "{file}", this::file, Access.ANYONE);
    }

    private void list(Context ctx) {
        Video v = videos.viewable(ctx.pathParam("id"), Viewer.of(ctx));
        List<Map<String, Object>> data = captions.of(v).stream().map(this::json).toList();
        ctx.json(Paging.result(data.size(), data));
    }

    /** PeerTube's VideoCaption. A remote video's caption points at its origin's file. */
    Map<String, Object> json(Caption c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", Map.of("id", c.language(), "label", VideoConstants.LANGUAGES.get(c.language())));
        String path = c.isRemote() ? c.remoteUrl() : Caption.PATH + c.file();
        m.put("captionPath", path);
        m.put("fileUrl", c.isRemote() ? c.remoteUrl() : urls.base() + path);
        m.put("m3u8Url", null);
        m.put("automaticallyGenerated", false);
        m.put("updatedAt", Times.iso(c.updatedAt()));
        return m;
    }

    private void put(Context ctx) {
        Video v = videos.manageable(ctx.pathParam("id"), Auth.required(ctx));
        String language = CaptionService.checkLanguage(ctx.pathParam("captionLanguage"));
        UploadedFile f = ctx.isMultipartFormData() ? ctx.uploadedFile("captionfile") : null;
        if (f == null) throw ApiError.badField("captionfile", "captionfile is required: a WebVTT or SRT file");
        try {
            captions.put(v, language, f.content(), f.size());
        } catch (UncheckedIOException e) {
            throw ApiError.badRequest("the caption file could not be read");
        }
        ctx.status(204);
    }

    private void delete(Context ctx) {
        Video v = videos.manageable(ctx.pathParam("id"), Auth.required(ctx));
        captions.delete(v, ctx.pathParam("captionLanguage"));
        ctx.status(204);
    }

    /** A caption file, to whoever may watch its video (same rule, same tokens as its segments). */
    private void file(Context ctx) {
        String name = ctx.pathParam("file");
        if (!FILE.matcher(name).matches()) throw ApiError.notFound("file not found");
        Caption c = captions.byFile(name).orElseThrow(() -> ApiError.notFound("file not found"));
        Video v = files.allowed(ctx, String.valueOf(c.videoId()));
        byte[] body;
        try {
            body = Files.readAllBytes(captions.path(c));
        } catch (IOException e) {
            throw ApiError.notFound("file not found");
        }
        MediaRoutes.cacheHeaders(ctx, v, "text/vtt");
        ctx.contentType("text/vtt; charset=utf-8").result(body);
    }
}
