package org.peerlet.ops;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Body;
import org.peerlet.http.PathParams;
import org.peerlet.http.RouteGroup;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Running the instance for years: PeerTube's maintenance routes (transcode again, remove the
 * original, remove a file), Peerlet's own for all videos at once and for storage figures,
 * the health probe and, when turned on, {@code /metrics}.
 */
public final class OpsRoutes implements RouteGroup {
    private static final String MAINTENANCE = "/api/v1/admin/maintenance";

    private final VideoService videos;
    private final Maintenance maintenance;
    private final StorageReport storage;
    private final Health health;
    /** Null unless metrics are served here, to admins (not on a loopback port of their own). */
    private final Metrics metrics;

    public OpsRoutes(VideoService videos, Maintenance maintenance, StorageReport storage, Health health, Metrics metrics) {
        this.videos = videos;
        this.maintenance = maintenance;
        this.storage = storage;
        this.health = health;
        this.metrics = metrics;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/health", this::health, Access.ANYONE);
        r.get("/api/v1/admin/storage", ctx -> ctx.json(storage.report()), Access.ADMIN);
        r.post("/api/v1/videos/{id}/transcoding", this::transcode, Access.ADMIN);
        r.delete("/api/v1/videos/{id}/source/file", ctx -> {
            maintenance.removeOriginal(video(ctx));
            ctx.status(204);
        }, Access.ADMIN);
        r.delete("/api/v1/videos/{id}/hls/{videoFileId}", ctx -> {
            Video v = video(ctx);
            maintenance.removeRung(v, maintenance.rungOf(v, PathParams.id(ctx, "videoFileId")));
            ctx.status(204);
        }, Access.ADMIN);
        r.post(MAINTENANCE + "/transcoding", ctx -> ctx.json(maintenance.retranscodeAll()), Access.ADMIN);
        r.get(MAINTENANCE + "/originals", ctx -> ctx.json(maintenance.removableOriginals()), Access.ADMIN);
        r.delete(MAINTENANCE + "/originals", ctx -> ctx.json(maintenance.removeAllOriginals()), Access.ADMIN);
        r.get(MAINTENANCE + "/resolutions", this::resolutions, Access.ADMIN);
        r.delete(MAINTENANCE + "/resolutions/{resolution}",
                ctx -> ctx.json(maintenance.removeResolution((int) PathParams.id(ctx, "resolution"))), Access.ADMIN);
        if (metrics != null) {
            r.get("/metrics", ctx -> ctx.contentType(contentType(ctx.header("Accept")))
                    .result(metrics.scrape(ctx.header("Accept"))), Access.ADMIN);
        } else { // off, or on a loopback port of its own: not a page of the web app either
            r.get("/metrics", ctx -> {
                throw ApiError.unknownEndpoint("GET", ctx.path());
            }, Access.ANYONE);
        }
    }

    static String contentType(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? Metrics.OPENMETRICS
                : "text/plain; version=0.0.4; charset=utf-8";
    }

    private void health(Context ctx) {
        Health.Report h = health.check();
        ctx.status(h.healthy() ? 200 : 503).json(h.body());
    }

    /** PeerTube's {@code POST /videos/{id}/transcoding {"transcodingType": "hls"}}; web videos are not made here. */
    private void transcode(Context ctx) {
        Video v = video(ctx);
        String type = Body.of(ctx).required("transcodingType");
        if (!type.equals("hls")) {
            throw ApiError.badField("transcodingType", "this instance makes HLS only: transcodingType must be hls");
        }
        maintenance.retranscode(v);
        ctx.status(204);
    }

    private void resolutions(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        maintenance.resolutions().forEach((res, t) -> out.add(Map.of("resolution", res, "videos", t.videos(), "bytes", t.bytes())));
        ctx.json(Map.of("data", out));
    }

    private Video video(Context ctx) {
        return videos.find(ctx.pathParam("id")).orElseThrow(() -> ApiError.notFound("Video not found"));
    }
}
