package org.peerlet.sharing;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.account.Account;
import org.peerlet.account.AccountDirectory;
import org.peerlet.channel.Channel;
import org.peerlet.channel.ChannelService;
import org.peerlet.common.Markdown;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.ApiError;
import org.peerlet.http.Json;
import org.peerlet.http.RouteGroup;
import org.peerlet.instance.InstanceSettings;
import org.peerlet.instance.Urls;
import org.peerlet.video.Video;
import org.peerlet.video.VideoAccess;
import org.peerlet.video.VideoJson;
import org.peerlet.video.VideoQuery;
import org.peerlet.video.VideoService;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Video feeds at PeerTube's addresses: {@code /feeds/videos.xml} (RSS 2.0 with Media RSS),
 * {@code .atom} and {@code .json} (JSON Feed 1.1), for the whole instance or one channel or
 * account ({@code videoChannelId}, {@code videoChannelName}, {@code accountId}, {@code accountName}).
 * Feeds are read by programs with no login: only public videos, newest first.
 */
public final class FeedRoutes implements RouteGroup {
    /** At most this many videos in one feed. */
    public static final int LIMIT = 50;
    private static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private enum Format { RSS, ATOM, JSON }

    private record Scope(String title, String description, String link, Long channelId, Long accountId) {
    }

    private final VideoService videos;
    private final VideoJson videoJson;
    private final ChannelService channels;
    private final AccountDirectory accounts;
    private final InstanceSettings instance;
    private final Urls urls;

    public FeedRoutes(VideoService videos, VideoJson videoJson, ChannelService channels, AccountDirectory accounts, InstanceSettings instance, Urls urls) {
        this.videos = videos;
        this.videoJson = videoJson;
        this.channels = channels;
        this.accounts = accounts;
        this.instance = instance;
        this.urls = urls;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/feeds/{file}", this::feed, Access.ANYONE);
    }

    private void feed(Context ctx) {
        String file = ctx.pathParam("file");
        Format format = switch (file) {
            case "videos.xml", "videos.rss", "videos.rss2" -> Format.RSS;
            case "videos.atom", "videos.atom1" -> Format.ATOM;
            case "videos.json", "videos.json1" -> Format.JSON;
            default -> throw ApiError.notFound("no such feed: /feeds/" + file);
        };
        Scope scope = scope(ctx);
        List<Video> list = videos.list(new VideoQuery(0, LIMIT, "-publishedAt", null, null, null, null, null, null, null,
                VideoAccess.listable(Optional.empty()), null, false, scope.channelId(), scope.accountId(), null)
                .hidingMutedBy(org.peerlet.blocklist.Blockers.instance()))
                .stream().filter(Shared::listedForAnyone).toList();
        String self = urls.base() + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.res().setCharacterEncoding(null);
        switch (format) {
            case RSS -> ctx.contentType("application/rss+xml; charset=utf-8").result(rss(scope, self, list));
            case ATOM -> ctx.contentType("application/atom+xml; charset=utf-8").result(atom(scope, self, list));
            case JSON -> ctx.contentType("application/feed+json; charset=utf-8").result(Json.write(jsonFeed(scope, self, list)));
        }
    }

    /** The instance, or the one channel or account the parameters name (404 if there is none). */
    private Scope scope(Context ctx) {
        String site = instance.get(InstanceSettings.NAME);
        String channelId = ctx.queryParam("videoChannelId");
        String channelName = ctx.queryParam("videoChannelName");
        String accountId = ctx.queryParam("accountId");
        String accountName = ctx.queryParam("accountName");
        if (channelId != null || channelName != null) {
            Channel c = (channelId != null ? id(channelId, "videoChannelId").flatMap(i -> channels.byId(i))
                    : channels.byHandle(channelName, urls.host()))
                    .orElseThrow(() -> ApiError.notFound("video channel not found"));
            String name = c.displayName() == null || c.displayName().isBlank() ? c.name() : c.displayName();
            String link = c.isLocal() ? urls.channel(c.name()) : "https://" + c.host() + "/video-channels/" + c.name();
            return new Scope(name + " – " + site, c.description(), link, c.id(), null);
        }
        if (accountId != null || accountName != null) {
            Account a = (accountId != null ? id(accountId, "accountId").flatMap(i -> accounts.byId(i))
                    : accountByHandle(accountName)).orElseThrow(() -> ApiError.notFound("account not found"));
            String name = a.displayName() == null || a.displayName().isBlank() ? a.name() : a.displayName();
            String link = a.isLocal() ? urls.account(a.name()) : "https://" + a.host() + "/accounts/" + a.name();
            return new Scope(name + " – " + site, a.description(), link, null, a.id());
        }
        return new Scope(site, instance.get(InstanceSettings.SHORT_DESCRIPTION), urls.base() + "/", null, null);
    }

    private Optional<Account> accountByHandle(String handle) {
        return accounts.byHandle(org.peerlet.common.Handle.parse(handle, urls.host()));
    }

    private static Optional<Long> id(String s, String name) {
        if (!s.strip().matches("\\d{1,18}")) throw ApiError.badRequest(name + " must be a whole number");
        return Optional.of(Long.parseLong(s.strip()));
    }

    // ---- RSS 2.0 with Media RSS ----

    private String rss(Scope scope, String self, List<Video> list) {
        return xml(w -> {
            w.setPrefix("content", CONTENT_NS);
            w.setPrefix("dc", DC_NS);
            w.setPrefix("atom", ATOM_NS);
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("media", MEDIA_NS);
            w.writeNamespace("content", CONTENT_NS);
            w.writeNamespace("dc", DC_NS);
            w.writeNamespace("atom", ATOM_NS);
            w.writeStartElement("channel");
            text(w, "title", scope.title());
            text(w, "link", scope.link());
            text(w, "description", blankTo(scope.description(), scope.title()));
            w.writeEmptyElement("atom", "link", ATOM_NS);
            w.writeAttribute("href", self);
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            text(w, "generator", "Peerlet");
            text(w, "docs", "https://www.rssboard.org/rss-specification");
            if (!list.isEmpty()) text(w, "lastBuildDate", rfc1123(list.get(0).publishedAt()));
            for (Video v : list) rssItem(w, v);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private void rssItem(XMLStreamWriter w, Video v) throws XMLStreamException {
        w.writeStartElement("item");
        text(w, "title", v.name());
        text(w, "link", urls.watch(v.shortUuid()));
        w.writeStartElement("guid");
        w.writeAttribute("isPermaLink", "false");
        w.writeCharacters(Shared.xmlText(urls.video(v.uuid())));
        w.writeEndElement();
        text(w, "pubDate", rfc1123(v.publishedAt()));
        text(w, "description", Shared.summary(v.description(), 500));
        text(w, CONTENT_NS, "encoded", Markdown.toHtml(v.description()));
        text(w, DC_NS, "creator", Shared.accountName(v));
        text(w, MEDIA_NS, "title", v.name());
        w.writeStartElement(MEDIA_NS, "description");
        w.writeAttribute("type", "plain");
        w.writeCharacters(Shared.xmlText(v.description() == null ? "" : v.description()));
        w.writeEndElement();
        String thumb = Shared.thumbnailUrl(urls, v);
        if (thumb != null) {
            w.writeEmptyElement(MEDIA_NS, "thumbnail");
            w.writeAttribute("url", thumb);
        }
        w.writeEmptyElement(MEDIA_NS, "player");
        w.writeAttribute("url", Shared.embedUrl(urls, v));
        String hls = videoJson.masterUrl(v);
        if (hls != null) {
            w.writeEmptyElement(MEDIA_NS, "content");
            w.writeAttribute("url", hls);
            w.writeAttribute("type", "application/x-mpegURL");
            w.writeAttribute("medium", "video");
            w.writeAttribute("duration", String.valueOf(v.duration()));
        }
        w.writeStartElement(MEDIA_NS, "community");
        w.writeEmptyElement(MEDIA_NS, "statistics");
        w.writeAttribute("views", String.valueOf(v.views()));
        w.writeEndElement();
        w.writeEndElement();
    }

    // ---- Atom 1.0 ----

    private String atom(Scope scope, String self, List<Video> list) {
        return xml(w -> {
            w.setDefaultNamespace(ATOM_NS);
            w.writeStartElement(ATOM_NS, "feed");
            w.writeDefaultNamespace(ATOM_NS);
            w.writeNamespace("media", MEDIA_NS);
            text(w, ATOM_NS, "id", self);
            text(w, ATOM_NS, "title", scope.title());
            if (scope.description() != null && !scope.description().isBlank()) text(w, ATOM_NS, "subtitle", scope.description());
            text(w, ATOM_NS, "updated", Times.iso(list.isEmpty() ? 0 : list.get(0).publishedAt()));
            link(w, "self", self, "application/atom+xml");
            link(w, "alternate", scope.link(), "text/html");
            text(w, ATOM_NS, "generator", "Peerlet");
            for (Video v : list) {
                w.writeStartElement(ATOM_NS, "entry");
                text(w, ATOM_NS, "id", urls.video(v.uuid()));
                text(w, ATOM_NS, "title", v.name());
                link(w, "alternate", urls.watch(v.shortUuid()), "text/html");
                text(w, ATOM_NS, "published", Times.iso(v.publishedAt()));
                text(w, ATOM_NS, "updated", Times.iso(Math.max(v.publishedAt(), v.updatedAt())));
                w.writeStartElement(ATOM_NS, "author");
                text(w, ATOM_NS, "name", Shared.accountName(v));
                w.writeEndElement();
                text(w, ATOM_NS, "summary", Shared.summary(v.description(), 500));
                w.writeStartElement(ATOM_NS, "content");
                w.writeAttribute("type", "html");
                w.writeCharacters(Shared.xmlText(Markdown.toHtml(v.description())));
                w.writeEndElement();
                String thumb = Shared.thumbnailUrl(urls, v);
                if (thumb != null) {
                    w.writeEmptyElement(MEDIA_NS, "thumbnail");
                    w.writeAttribute("url", thumb);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement(ATOM_NS, "link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        w.writeAttribute("type", type);
    }

    // ---- JSON Feed 1.1 ----

    private Map<String, Object> jsonFeed(Scope scope, String self, List<Video> list) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("version", "https://jsonfeed.org/version/1.1");
        f.put("title", scope.title());
        f.put("home_page_url", scope.link());
        f.put("feed_url", self);
        if (scope.description() != null && !scope.description().isBlank()) f.put("description", scope.description());
        List<Object> items = new ArrayList<>();
        for (Video v : list) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", urls.video(v.uuid()));
            i.put("url", urls.watch(v.shortUuid()));
            i.put("title", v.name());
            i.put("content_html", Markdown.toHtml(v.description()));
            i.put("content_text", v.description() == null ? "" : v.description());
            i.put("summary", Shared.summary(v.description(), 500));
            String image = Shared.imageUrl(urls, v);
            if (image != null) i.put("image", image);
            i.put("date_published", Times.iso(v.publishedAt()));
            i.put("date_modified", Times.iso(Math.max(v.publishedAt(), v.updatedAt())));
            i.put("authors", List.of(Map.of("name", Shared.accountName(v), "url",
                    v.account().isLocal() ? urls.account(v.account().name()) : "https://" + v.account().host() + "/accounts/" + v.account().name())));
            String hls = videoJson.masterUrl(v);
            if (hls != null) {
                i.put("attachments", List.of(Map.of("url", hls, "mime_type", "application/x-mpegURL",
                        "duration_in_seconds", v.duration())));
            }
            items.add(i);
        }
        f.put("items", items);
        return f;
    }

    // ---- XML helpers ----

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setPrefix("media", MEDIA_NS);
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a feed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(Shared.xmlText(value));
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(Shared.xmlText(value));
        w.writeEndElement();
    }

    private static String blankTo(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    private static String rfc1123(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }
}
