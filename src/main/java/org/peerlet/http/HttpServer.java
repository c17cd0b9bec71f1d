package org.peerlet.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Javalin set-up: JSON, error mapping, request limits, logging, the web UI, and every feature's
 * routes. No feature logic lives here.
 */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger("http");
    /** Bodies read into memory (JSON, forms); video bytes are streamed and limited elsewhere. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Javalin app;

    public HttpServer(String host, int port, java.nio.file.Path uploadsDir, long maxUploadBytes, Auth auth,
                      List<RouteGroup> groups) {
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            // A small pool suits a Pi; uploads and HLS files are streamed, so threads are not held long.
            QueuedThreadPool pool = new QueuedThreadPool(64, 4, 60_000);
            pool.setName("http");
            config.jetty.threadPool = pool;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            // Multipart uploads spill to the uploads folder, never to memory beyond 1 MB.
            config.jetty.multipartConfig.cacheDirectory(uploadsDir.toAbsolutePath().toString());
            config.jetty.multipartConfig.maxFileSize(maxUploadBytes, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes + 16 * 1024 * 1024, io.javalin.config.SizeUnit.BYTES);
            config.http.defaultContentType = "application/json";
            config.http.generateEtags = true;
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
                s.precompressMaxSize = 0;
            });
            config.requestLogger.http(HttpServer::logRequest);

            config.routes.before(HttpServer::framing);
            config.routes.beforeMatched(auth::check);
            config.routes.exception(ApiError.class, (e, ctx) -> {
                if (e.retryAfterSeconds() != null) ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                writeError(ctx, e.status(), e.code(), e.getMessage());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                String detail = e.getStatus() == 413 ? "the request body is too large" : e.getMessage();
                writeError(ctx, e.getStatus(), null, detail);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                writeError(ctx, 500, null, "internal error; the server log has details");
            });
            config.routes.error(404, ctx -> {
                String accept = ctx.header("Accept");
                boolean wantsJson = accept != null && accept.contains("json");
                if (!isApi(ctx.path()) && ctx.method().name().equals("GET") && !wantsJson) {
                    // The web UI routes its own pages (and shows its own "not found"): any page
                    // address that no route answered gets the app's shell.
                    ctx.res().setCharacterEncoding(null);
                    ctx.status(200).contentType("text/html; charset=utf-8").result(WebShell.html());
                } else if (ctx.attribute("peerlet.error") == null) {
                    writeError(ctx, 404, null, "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute("peerlet.error") == null) writeError(ctx, 405, null, "method not allowed");
            });
            for (RouteGroup g : groups) g.addTo(config.routes);
        });
    }

    /** Pages may be framed by this instance only; the embeddable player is made to be framed anywhere. */
    private static void framing(Context ctx) {
        if (ctx.path().startsWith("/videos/embed/")) return;
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Content-Security-Policy", "frame-ancestors 'self'");
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/static/") || path.startsWith("/lazy-static/")
                || path.startsWith("/download/") || path.startsWith("/feeds/") || path.startsWith("/nodeinfo/")
                || path.startsWith("/.well-known/") || path.startsWith("/services/") || path.startsWith("/tracker/")
                || path.startsWith("/videos/embed/");
    }

    static void writeError(Context ctx, int status, String code, String detail) {
        ctx.attribute("peerlet.error", true);
        // Refused before its body was read (an upload, say): the connection cannot be reused,
        // so say so instead of letting the client find a closed socket on its next request.
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES || "chunked".equalsIgnoreCase(ctx.header("Transfer-Encoding"))
                || (ctx.contentType() != null && ctx.contentType().startsWith("multipart/"))) {
            ctx.header("Connection", "close");
        }
        ctx.status(status).json(ErrorBody.of(status, code, detail));
    }

    private static void logRequest(Context ctx, Float ms) {
        String path = ctx.path();
        if (!path.startsWith("/api/") && ctx.status().getCode() < 400) return;
        LOG.info("{} {} {} {}ms", ctx.method(), path, ctx.status().getCode(), Math.round(ms));
    }

    public void start() {
        app.start();
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
