package org.peerlet.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The browser app's files ({@code web/} in the jar), read with plain classpath reads and kept in
 * memory (they are small). Jetty's classpath static files would mount the whole fat jar as a zip
 * file system and index its ten thousand entries on the heap: too much for a Pi.
 */
final class WebAssets {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_./-]{0,200}");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"), Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("woff2", "font/woff2"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    /** Serves {@code path} if it is one of the app's files; false if there is no such file. */
    boolean serve(Context ctx, String path) {
        if (!SAFE.matcher(path).matches() || path.contains("..")) return false;
        String ext = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null || path.lastIndexOf('.') < 0) return false;
        Optional<byte[]> bytes = cache.computeIfAbsent(path, WebAssets::read);
        if (bytes.isEmpty()) return false;
        ctx.res().setCharacterEncoding(null);
        ctx.header("Cache-Control", "no-cache"); // revalidated by ETag: a new jar's files show at once
        ctx.status(200).contentType(type).result(bytes.get());
        return true;
    }

    private static Optional<byte[]> read(String path) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
