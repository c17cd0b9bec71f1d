package org.peerlet.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * Javalin set-up: JSON, error mapping, request limits, logging, the web UI, and every feature's
 * routes. No feature logic lives here.
 */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger("http");
    /** Bodies read into memory (JSON, forms); video bytes are streamed and limited elsewhere. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    static final String TOO_LARGE = "the request body is too large";

    private final Javalin app;

    static {
        // Jetty sizes its padded queues by asking JMX for the JVM's pointer size unless told; the
        // platform MBean server it would start costs ~300 classes and a few MB resident. 64-byte
        // cache lines / 4-byte compressed references (our heap is far below 32 GB) = 16.
        System.getProperties().putIfAbsent("org.eclipse.jetty.util.referencesPerCacheLine", "16");
    }

    public HttpServer(String host, int port, java.nio.file.Path uploadsDir, long maxUploadBytes,
                      io.javalin.http.Handler beforeMatched, SecurityHeaders security, boolean accessLog, List<RouteGroup> groups,
                      RequestObserver observer) {
        this.app = Javalin.create(config -> {
            configureJetty(config, host, port, uploadsDir, maxUploadBytes, security);
            config.requestLogger.http((ctx, ms) -> {
                if (accessLog) logEveryRequest(ctx, ms);
                else logRequest(ctx, ms);
                observer.answered(ctx, ms);
            });
            config.routes.before(security::apply);
            config.routes.before(ClientFault::multipartNeedsABoundary);
            config.routes.beforeMatched(beforeMatched);
            WebPages pages = WebPages.load();
            answerErrors(config, pages);
            for (RouteGroup g : groups) g.addTo(config.routes);
            // Last: the app's own files, then the app shell for any other page address.
            WebAssets assets = new WebAssets();
            config.routes.get("/", ctx -> assets.serve(ctx, "index.html"), Access.ANYONE);
            config.routes.get("/<path>", ctx -> {
                if (assets.serve(ctx, ctx.pathParam("path"))) return;
                // One of the app's pages, whatever the client accepts; or an address no route knows,
                // asked for by a browser: the app routes it (and shows its own "not found").
                if (pages.isPage(ctx.path()) || isPageRequest(ctx, pages)) serveShell(ctx, 200);
                else throw ApiError.unknownEndpoint("GET", ctx.path());
            }, Access.ANYONE);
        });
    }

    private static void configureJetty(io.javalin.config.JavalinConfig config, String host, int port,
                                       java.nio.file.Path uploadsDir, long maxUploadBytes, SecurityHeaders security) {
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
        // What Jetty refuses before our routes see it is answered in PeerTube's shape too.
        config.jetty.modifyServer(server -> server.setErrorHandler(security.jettyErrors()));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(security.jettyErrors()));
        config.http.generateEtags = true;
    }

    /** Every refusal and failure is answered in PeerTube's problem shape; a page gets the app's shell. */
    private static void answerErrors(io.javalin.config.JavalinConfig config, WebPages pages) {
        config.routes.exception(ApiError.class, (e, ctx) -> {
            if (e.retryAfterSeconds() != null) ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            writeError(ctx, e.status(), e.code(), e.getMessage(), e.invalidParams());
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404 || e.getStatus() == 405) {
                unknownEndpoint(ctx); // Javalin's own words for a method no route takes
                return;
            }
            String detail = e.getStatus() == 413 ? TOO_LARGE : e.getMessage();
            writeError(ctx, e.getStatus(), null, detail);
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            ApiError fault = ClientFault.of(e).orElse(null);
            if (fault != null) {
                // The request log has its one line; a client's mistake needs no stack trace.
                writeError(ctx, fault.status(), null, fault.getMessage());
                return;
            }
            String request;
            try {
                request = ctx.method() + " " + ctx.path();
            } catch (RuntimeException gone) {
                // The request is already over (a stream ended as the server stops): nobody to answer,
                // and throwing here would have Javalin hand this handler its own exception again.
                LOG.debug("after its request ended: {}", e.toString());
                return;
            }
            LOG.error("{} failed", request, e);
            writeError(ctx, 500, null, "internal error; the server log has details");
        });
        config.routes.error(404, ctx -> {
            if (isPageRequest(ctx, pages)) {
                // A page a route refused (an expired share link, say): the app's shell shows
                // the person a proper page, and the status stays 404.
                serveShell(ctx, 404);
            } else if (ctx.attribute("peerlet.error") == null) {
                unknownEndpoint(ctx);
            }
        });
        // A known address asked with another method is as unknown as any other, as in PeerTube.
        config.routes.error(405, ctx -> {
            if (ctx.attribute("peerlet.error") == null) unknownEndpoint(ctx);
        });
    }

    /** A browser asking for a page: a GET outside the API and file paths, not asking for JSON. */
    private static boolean isPageRequest(Context ctx, WebPages pages) {
        String accept = ctx.header("Accept");
        return ctx.method().name().equals("GET") && !pages.isServerPath(ctx.path()) && (accept == null || !accept.contains("json"));
    }

    private static void serveShell(Context ctx, int status) {
        ctx.res().setCharacterEncoding(null);
        ctx.header("Cache-Control", "no-cache");
        ctx.status(status).contentType("text/html; charset=utf-8").result(WebShell.html());
    }

    private static void unknownEndpoint(Context ctx) {
        ApiError e = ApiError.unknownEndpoint(ctx.method().name(), ctx.path());
        ctx.res().setHeader("Allow", null);
        writeError(ctx, e.status(), null, e.getMessage());
    }

    static void writeError(Context ctx, int status, String code, String detail) {
        writeError(ctx, status, code, detail, null);
    }

    static void writeError(Context ctx, int status, String code, String detail, java.util.Map<String, Object> invalidParams) {
        ctx.attribute("peerlet.error", true);
        finishReadingBody(ctx);
        ctx.status(status).contentType(ErrorBody.CONTENT_TYPE).result(Json.write(ErrorBody.of(status, code, detail, invalidParams)));
    }

    /** Bodies up to this size are read to their end before an early refusal is answered. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /**
     * A request refused before its body was read (an upload over quota, say): a client still
     * sending would see the connection reset instead of our answer. A modest body is read and
     * dropped so the answer arrives; a big one is cut short with {@code Connection: close}.
     */
    private static void finishReadingBody(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(ctx.header("Transfer-Encoding"));
        if (length <= 0 && !chunked) return;
        if (length > DRAIN_LIMIT || chunked) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            var in = ctx.req().getInputStream();
            byte[] buf = new byte[64 * 1024];
            long left = DRAIN_LIMIT;
            int n;
            while (left > 0 && (n = in.read(buf)) > 0) left -= n;
        } catch (IOException | IllegalStateException e) {
            ctx.header("Connection", "close"); // already read as a form, or the client went away
        }
    }

    /** Off by default: a player's segment requests (one every few seconds per viewer) are no news. */
    private static void logRequest(Context ctx, Float ms) {
        if (!ctx.path().startsWith("/api/") && ctx.status().getCode() < 400) return;
        logEveryRequest(ctx, ms);
    }

    private static void logEveryRequest(Context ctx, Float ms) {
        LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.status().getCode(), Math.round(ms));
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
