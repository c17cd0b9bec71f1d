package org.peerlet.video;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.Urls;
import org.peerlet.media.FileReply;
import org.peerlet.media.MediaLayout;
import org.peerlet.media.MediaPlaylist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves published media: HLS playlists and segments, thumbnails, previews and downloads. Every
 * file belongs to a video, and the video's access rule is checked before a byte is sent (so
 * these routes live with the rules; {@link MediaLayout} says where the files are).
 */
public final class MediaRoutes implements RouteGroup {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,100}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f-]{36}");
    /** {@link Urls#download}'s file name: {uuid}-{resolution}-fragmented.mp4. */
    private static final Pattern DOWNLOAD = Pattern.compile("([0-9a-f-]{36})-(\\d{1,4})-fragmented\\.mp4");

    private final MediaLayout media;
    private final FileAccess access;

    public MediaRoutes(MediaLayout media, FileAccess access) {
        this.media = media;
        this.access = access;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        // HEAD as well: Javalin answers a HEAD of a GET route without running it (no length, no validators).
        for (var method : List.of(HandlerType.GET, HandlerType.HEAD)) {
            r.addHttpHandler(method, "/static/streaming-playlists/hls/{uuid}/{file}", this::hls, Access.ANYONE);
            r.addHttpHandler(method, "/lazy-static/thumbnails/{file}", ctx -> image(ctx, true), Access.ANYONE);
            r.addHttpHandler(method, "/lazy-static/previews/{file}", ctx -> image(ctx, false), Access.ANYONE);
            r.addHttpHandler(method, Urls.DOWNLOAD_PATH + "{file}", this::download, Access.ANYONE);
            r.addHttpHandler(method, "/download/videos/generate/{videoId}", this::generated, Access.ANYONE);
        }
    }

    /**
     * One rung as a single MP4 to keep. Its init segment and media segments back to back are a
     * fragmented MP4 that players and editors open as it is: no re-encode, no temporary file. The
     * owner (and moderators) may download even when the video's downloads are turned off.
     */
    private void download(Context ctx) {
        Matcher m = DOWNLOAD.matcher(ctx.pathParam("file"));
        if (!m.matches()) throw ApiError.notFound("file not found");
        Video v = allowed(ctx, m.group(1));
        FileAccess.checkDownload(ctx, v);
        sendRung(ctx, v, m.group(2));
    }

    /**
     * PeerTube's generated download (a video file muxed with its audio): here the best rung,
     * which carries its sound already. Same rules as the rung's own download.
     */
    private void generated(Context ctx) {
        String id = ctx.pathParam("videoId");
        if (!id.matches("\\d{1,18}") && !UUID.matcher(id).matches()) throw ApiError.invalidParam("videoId", id);
        Video v = allowed(ctx, id);
        FileAccess.checkDownload(ctx, v);
        sendRung(ctx, v, bestRung(media.hlsDir(v.uuid())).orElseThrow(() -> ApiError.notFound("file not found")));
    }

    private static java.util.Optional<String> bestRung(Path dir) {
        try (var names = Files.list(dir)) {
            return names.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{2,5}\\.m3u8"))
                    .map(n -> n.substring(0, n.length() - ".m3u8".length())).max(java.util.Comparator.comparingInt(Integer::parseInt));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private void sendRung(Context ctx, Video v, String rung) {
        Path dir = media.hlsDir(v.uuid());
        Path playlistFile = dir.resolve(rung + ".m3u8");
        if (!Files.isRegularFile(playlistFile)) throw ApiError.notFound("file not found");
        List<Path> parts = new ArrayList<>();
        for (String f : MediaPlaylist.read(playlistFile).files()) {
            Path p = dir.resolve(f);
            if (!SAFE_NAME.matcher(p.getFileName().toString()).matches() || !p.getParent().equals(dir)) {
                throw ApiError.notFound("file not found");
            }
            parts.add(p);
        }
        cacheHeaders(ctx, v, "video/mp4");
        ctx.header("Content-Disposition", attachment(v.name() + " " + rung + "p.mp4"));
        reply(ctx, parts, "video/mp4");
    }

    /** RFC 6266: an ASCII name for old clients, the real one (UTF-8) for the rest. */
    static String attachment(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9 ._()-]", "_").strip();
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + (ascii.isEmpty() ? "video.mp4" : ascii) + "\"; filename*=UTF-8''" + encoded;
    }

    private void hls(Context ctx) {
        String uuid = ctx.pathParam("uuid");
        String file = ctx.pathParam("file");
        if (!UUID.matcher(uuid).matches() || !SAFE_NAME.matcher(file).matches()) throw ApiError.notFound("file not found");
        Video v = allowed(ctx, uuid);
        String token = ctx.queryParam(Viewer.FILE_TOKEN_PARAM);
        if (file.endsWith(".m3u8") && !VideoAccess.isOpen(v) && token != null) {
            servePlaylist(ctx, media.hlsDir(uuid).resolve(file), token);
            return;
        }
        serve(ctx, v, media.hlsDir(uuid).resolve(file), contentType(file));
    }

    private void image(Context ctx, boolean thumbnail) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".jpg")) throw ApiError.notFound("file not found");
        String uuid = file.substring(0, file.length() - 4);
        if (!UUID.matcher(uuid).matches()) throw ApiError.notFound("file not found");
        Video v = allowed(ctx, uuid);
        serve(ctx, v, thumbnail ? media.thumbnail(uuid) : media.preview(uuid), "image/jpeg");
    }

    private Video allowed(Context ctx, String uuid) {
        return access.allowed(ctx, uuid);
    }

    /**
     * A playlist of a non-public video, served with the token appended to every URI in it
     * (variant playlists, init segments, media segments), so a player given the tokenized master
     * URL can play; each of those requests is checked again.
     */
    private static void servePlaylist(Context ctx, Path path, String token) {
        if (!Files.isRegularFile(path)) throw ApiError.notFound("file not found");
        String suffix = Viewer.FILE_TOKEN_PARAM + "=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        try {
            for (String line : Files.readAllLines(path, java.nio.charset.StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    out.append(line);
                } else if (line.startsWith("#")) {
                    out.append(URI_ATTR.matcher(line).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                            "URI=\"" + withQuery(m.group(1), suffix) + "\"")));
                } else {
                    out.append(withQuery(line.strip(), suffix));
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cache-Control", "private, no-store");
        ctx.res().setCharacterEncoding(null);
        ctx.contentType("application/vnd.apple.mpegurl").result(out.toString());
    }

    private static final Pattern URI_ATTR = Pattern.compile("URI=\"([^\"]*)\"");

    private static String withQuery(String uri, String suffix) {
        return uri + (uri.contains("?") ? "&" : "?") + suffix;
    }

    static void serve(Context ctx, Video v, Path path, String type) {
        cacheHeaders(ctx, v, type);
        reply(ctx, List.of(path), type);
    }

    /** The file(s) as file servers answer ({@link FileReply}); a visitor gone mid-file needs no answer nor log line. */
    private static void reply(Context ctx, List<Path> files, String type) {
        FileReply file;
        try {
            file = FileReply.of(files);
        } catch (IOException e) {
            throw ApiError.notFound("file not found");
        }
        try {
            file.send(ctx, type);
        } catch (IOException e) {
            // The visitor went away mid-file: nothing to answer.
        }
    }

    /** Who may keep a copy of a video's file, and for how long: public files are cached, others never. */
    public static void cacheHeaders(Context ctx, Video v, String type) {
        boolean open = VideoAccess.isOpen(v);
        if (open) {
            // Other instances' players fetch our public files: allow them, and let caches keep them.
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Cache-Control", type.equals("application/vnd.apple.mpegurl") ? "public, max-age=60" : "public, max-age=86400");
        } else {
            // The token in the URL is the credential (no cookies), so any origin's player may use it.
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Cache-Control", "private, no-store");
        }
    }

    static String contentType(String file) {
        if (file.endsWith(".m3u8")) return "application/vnd.apple.mpegurl";
        if (file.endsWith(".m4s")) return "video/iso.segment";
        if (file.endsWith(".mp4")) return "video/mp4";
        if (file.endsWith(".json")) return "application/json";
        if (file.endsWith(".jpg")) return "image/jpeg";
        return "application/octet-stream";
    }
}
