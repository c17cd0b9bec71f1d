package org.peerlet.sharing;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.federation.discovery.DiscoveryRoutes;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.RouteGroup;
import org.peerlet.http.WebShell;
import org.peerlet.instance.InstanceSettings;
import org.peerlet.instance.Urls;
import org.peerlet.media.Images;
import org.peerlet.video.Privacy;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a video travels outside the instance: watch pages that carry link-preview tags
 * (OpenGraph, Twitter cards, oEmbed discovery) for crawlers, the embeddable player page, and
 * the oEmbed endpoint. Only videos an anonymous visitor may watch get any of it; for the others
 * the page is the plain app shell, so a private title never shows in a preview.
 */
public final class ShareRoutes implements RouteGroup {
    private static final String EMBED_TEMPLATE = load("/web/embed.html");

    private final VideoService videos;
    private final InstanceSettings instance;
    private final Urls urls;

    public ShareRoutes(VideoService videos, InstanceSettings instance, Urls urls) {
        this.videos = videos;
        this.instance = instance;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/w/{id}", ctx -> watchPage(ctx, ctx.pathParam("id")), Access.ANYONE);
        // /videos/watch/{uuid} is also the video's ActivityPub id, answered by the federation
        // routes: browsers and crawlers are answered here first, before that endpoint runs.
        r.before("/videos/watch/{id}", ctx -> {
            if (!ctx.method().name().equals("GET") || DiscoveryRoutes.wantsActivityJson(ctx)) return;
            watchPage(ctx, ctx.pathParam("id"));
            ctx.skipRemainingHandlers();
        });
        r.get("/videos/embed/{id}", this::embed, Access.ANYONE);
        r.get("/services/oembed", this::oembed, Access.ANYONE);
    }

    private Optional<Video> shareable(String id) {
        return videos.find(id).filter(Shared::anyoneMaySee);
    }

    private void watchPage(Context ctx, String id) {
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept");
        byte[] page = shareable(id).map(v -> withTags(new String(WebShell.html(), StandardCharsets.UTF_8), v)
                .getBytes(StandardCharsets.UTF_8)).orElse(WebShell.html());
        ctx.res().setCharacterEncoding(null);
        ctx.status(200).contentType("text/html; charset=utf-8").result(page);
    }

    /** The app shell with the video's title and its link-preview tags in the head. */
    String withTags(String shell, Video v) {
        String name = v.name();
        String site = instance.get(InstanceSettings.NAME);
        String watch = urls.watch(v.shortUuid());
        String embed = Shared.embedUrl(urls, v);
        String image = Shared.imageUrl(urls, v);
        String description = Shared.summary(v.description(), 300);
        StringBuilder m = new StringBuilder();
        meta(m, "name", "description", description);
        if (v.privacy() != Privacy.PUBLIC) meta(m, "name", "robots", "noindex");
        meta(m, "property", "og:type", "video.other");
        meta(m, "property", "og:site_name", site);
        meta(m, "property", "og:title", name);
        meta(m, "property", "og:description", description);
        meta(m, "property", "og:url", watch);
        if (image != null) {
            meta(m, "property", "og:image", image);
            meta(m, "property", "og:image:alt", name);
        }
        meta(m, "property", "og:video:url", embed);
        if (embed.startsWith("https:")) meta(m, "property", "og:video:secure_url", embed);
        meta(m, "property", "og:video:type", "text/html");
        meta(m, "property", "og:video:width", String.valueOf(Shared.EMBED_WIDTH));
        meta(m, "property", "og:video:height", String.valueOf(Shared.EMBED_HEIGHT));
        meta(m, "name", "twitter:card", "player");
        meta(m, "name", "twitter:title", name);
        meta(m, "name", "twitter:description", description);
        if (image != null) meta(m, "name", "twitter:image", image);
        meta(m, "name", "twitter:player", embed);
        meta(m, "name", "twitter:player:width", String.valueOf(Shared.EMBED_WIDTH));
        meta(m, "name", "twitter:player:height", String.valueOf(Shared.EMBED_HEIGHT));
        m.append("<link rel=\"canonical\" href=\"").append(Shared.html(watch)).append("\">\n");
        m.append("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"")
                .append(Shared.html(urls.base() + "/services/oembed?url=" + URLEncoder.encode(watch, StandardCharsets.UTF_8)))
                .append("\" title=\"").append(Shared.html(name)).append("\">\n");
        String title = "<title>" + Shared.html(name + " – " + site) + "</title>";
        String out = shell.replaceFirst("<title>[^<]*</title>", java.util.regex.Matcher.quoteReplacement(title));
        int head = out.indexOf("</head>");
        return head < 0 ? out : out.substring(0, head) + m + out.substring(head);
    }

    private static void meta(StringBuilder m, String attr, String key, String value) {
        m.append("<meta ").append(attr).append("=\"").append(key).append("\" content=\"")
                .append(Shared.html(value)).append("\">\n");
    }

    /** The player alone, for iframes on other sites: framing is allowed on this path only. */
    private void embed(Context ctx) {
        Optional<Video> v = shareable(ctx.pathParam("id"));
        ctx.res().setCharacterEncoding(null);
        ctx.header("Cache-Control", "no-cache");
        if (v.isEmpty()) {
            // Answered here: the not-found handler must neither put the app nor JSON in its place.
            ctx.attribute("peerlet.error", true);
            ctx.status(404).contentType("text/html; charset=utf-8").result("<!doctype html><html><head><meta charset=\"utf-8\">"
                    + "<meta name=\"robots\" content=\"noindex\"><title>Not available</title>"
                    + "<link rel=\"stylesheet\" href=\"/css/embed.css\"></head>"
                    + "<body class=\"embed\"><p class=\"embed-message\">This video is not available.</p></body></html>");
            return;
        }
        String title = "<title>" + Shared.html(v.get().name() + " – " + instance.get(InstanceSettings.NAME)) + "</title>";
        String page = EMBED_TEMPLATE.replaceFirst("<title>[^<]*</title>", java.util.regex.Matcher.quoteReplacement(title));
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** oEmbed (https://oembed.com) for our watch and embed links; JSON only. */
    private void oembed(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && format.equalsIgnoreCase("xml")) throw new ApiError(501, null, "only format=json is supported");
        if (format != null && !format.equalsIgnoreCase("json")) throw ApiError.badRequest("format must be json");
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) throw ApiError.badRequest("url is required");
        Video v = videoOf(url).filter(Shared::anyoneMaySee).orElseThrow(() -> ApiError.notFound("Video not found"));
        int width = Shared.EMBED_WIDTH;
        int height = Shared.EMBED_HEIGHT;
        Integer maxWidth = positive(ctx, "maxwidth");
        Integer maxHeight = positive(ctx, "maxheight");
        if (maxWidth != null && maxWidth < width) {
            width = maxWidth;
            height = Math.max(1, Math.round(width * 9 / 16f));
        }
        if (maxHeight != null && maxHeight < height) {
            height = maxHeight;
            width = Math.max(1, Math.round(height * 16 / 9f));
        }
        String embed = Shared.embedUrl(urls, v);
        String iframe = "<iframe src=\"" + Shared.html(embed) + "\" title=\"" + Shared.html(v.name()) + "\" width=\"" + width
                + "\" height=\"" + height + "\" style=\"border:0\" allow=\"autoplay; fullscreen; picture-in-picture\" allowfullscreen"
                + " sandbox=\"allow-same-origin allow-scripts allow-popups allow-popups-to-escape-sandbox\"></iframe>";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "video");
        m.put("version", "1.0");
        m.put("title", v.name());
        m.put("author_name", Shared.channelName(v));
        m.put("author_url", v.channel().isLocal() ? urls.channel(v.channel().name())
                : "https://" + v.channel().host() + "/video-channels/" + v.channel().name());
        m.put("provider_name", instance.get(InstanceSettings.NAME));
        m.put("provider_url", urls.base());
        m.put("cache_age", 3600);
        m.put("html", iframe);
        m.put("width", width);
        m.put("height", height);
        String thumb = Shared.imageUrl(urls, v);
        if (thumb != null) {
            boolean preview = v.hasPreview();
            m.put("thumbnail_url", thumb);
            m.put("thumbnail_width", preview ? Images.PREVIEW_WIDTH : Images.THUMBNAIL_WIDTH);
            m.put("thumbnail_height", preview ? Images.PREVIEW_HEIGHT : Images.THUMBNAIL_HEIGHT);
        }
        ctx.json(m);
    }

    /** The video a link of ours names: /w/{id}, /videos/watch/{id} or /videos/embed/{id}. */
    Optional<Video> videoOf(String url) {
        URI u;
        URI ours;
        try {
            u = URI.create(url.strip());
            ours = URI.create(urls.base());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("url is not a valid address");
        }
        if (u.getHost() == null || !u.getHost().equalsIgnoreCase(ours.getHost()) || port(u) != port(ours)) {
            throw ApiError.badRequest("url must be a video address of this instance");
        }
        String path = u.getPath() == null ? "" : u.getPath();
        for (String prefix : new String[]{"/w/", "/videos/watch/", "/videos/embed/"}) {
            if (path.startsWith(prefix)) {
                String id = path.substring(prefix.length());
                if (!id.isEmpty() && !id.contains("/")) return videos.find(id);
            }
        }
        return Optional.empty();
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static Integer positive(Context ctx, String name) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) return null;
        try {
            int n = Integer.parseInt(s.strip());
            if (n < 1) throw ApiError.badRequest(name + " must be a positive whole number");
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a positive whole number");
        }
    }

    private static String load(String resource) {
        try (InputStream in = ShareRoutes.class.getResourceAsStream(resource)) {
            return in == null ? "<!doctype html><title>Peerlet</title>" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
