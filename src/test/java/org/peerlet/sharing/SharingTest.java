package org.peerlet.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Link previews, the embed page, oEmbed and feeds over real HTTP: public and unlisted videos are
 * shared, private and internal ones never show a byte of their metadata.
 */
class SharingTest {
    static final String XSS_TITLE = "Cake & <b>\"candles\"</b>";
    static TestServer server;
    static Api api;
    static Uploads uploads;
    static String admin;
    static String mia;
    static Path clips;
    static final Map<String, JsonNode> videos = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        uploads = new Uploads(api);
        admin = api.adminToken();
        mia = api.createUser(admin, "mia", "mia-secret-1");
        clips = Files.createTempDirectory("clips");
        Path clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10);
        add(admin, XSS_TITLE, 1, "A **party** for [grandma](https://example.org/x) <script>alert(1)</script>", clip);
        add(admin, "Unlisted walk", 2, "only with the link", clip);
        add(admin, "Secret diary", 3, "private words", clip);
        add(admin, "Family only", 4, "internal words", clip);
        add(mia, "Mia public", 1, "from mia", clip);
        for (JsonNode v : videos.values()) uploads.awaitPublished(admin, v.get("id").asLong());
    }

    static void add(String token, String name, int privacy, String description, Path clip) {
        Api.Res r = uploads.multipart(token, Map.of("name", name, "privacy", privacy, "description", description,
                "channelId", uploads.channelId(token)), clip, "c.mp4");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        videos.put(name, r.json().get("video"));
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(clips);
    }

    /** The instance's public address, as its links name it. */
    static String pub() {
        return server.app().settings().publicUrl();
    }

    static String shortId(String name) {
        return videos.get(name).get("shortUUID").asText();
    }

    static String uuid(String name) {
        return videos.get(name).get("uuid").asText();
    }

    static Api.Res page(String path) {
        return api.send(api.request(path, null).header("Accept", "text/html").GET());
    }

    static Map<String, String> metas(String html) {
        Map<String, String> m = new HashMap<>();
        Matcher x = Pattern.compile("<meta (?:property|name)=\"([^\"]+)\" content=\"([^\"]*)\">").matcher(html);
        while (x.find()) m.put(x.group(1), x.group(2));
        return m;
    }

    @Test
    void publicWatchPagesCarryLinkPreviewTagsEscaped() {
        String base = pub();
        for (String path : List.of("/w/" + shortId(XSS_TITLE), "/videos/watch/" + uuid(XSS_TITLE))) {
            Api.Res r = page(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            String html = r.text();
            Map<String, String> m = metas(html);
            String escaped = "Cake &amp; &lt;b&gt;&quot;candles&quot;&lt;/b&gt;";
            assertThat(m.get("og:title")).isEqualTo(escaped);
            assertThat(m.get("og:type")).isEqualTo("video.other");
            assertThat(m.get("og:url")).isEqualTo(base + "/w/" + shortId(XSS_TITLE));
            assertThat(m.get("og:video:url")).isEqualTo(base + "/videos/embed/" + uuid(XSS_TITLE));
            assertThat(m.get("og:image")).startsWith(base + "/lazy-static/");
            assertThat(m.get("og:description")).contains("party").contains("&lt;script&gt;").doesNotContain("<script>");
            assertThat(m.get("twitter:card")).isEqualTo("player");
            assertThat(m.get("twitter:player")).isEqualTo(base + "/videos/embed/" + uuid(XSS_TITLE));
            assertThat(html).contains("<title>" + escaped + " – ");
            assertThat(html).contains("type=\"application/json+oembed\" href=\"" + base + "/services/oembed?url=");
            assertThat(html).doesNotContain("<b>\"candles\"");
            assertThat(m).doesNotContainKey("robots");
            // The app still loads from the same shell.
            assertThat(html).contains("/js/app.js");
        }
        // Unlisted: previews work for whoever has the link, but search engines are told to keep out.
        Map<String, String> unlisted = metas(page("/w/" + shortId("Unlisted walk")).text());
        assertThat(unlisted.get("og:title")).isEqualTo("Unlisted walk");
        assertThat(unlisted.get("robots")).isEqualTo("noindex");
        // ActivityPub clients still get the video object at its id.
        Api.Res ap = api.send(api.request("/videos/watch/" + uuid(XSS_TITLE), null).header("Accept", "application/activity+json").GET());
        assertThat(ap.json().get("type").asText()).isEqualTo("Video");
    }

    @Test
    void privateAndInternalPagesAreThePlainShell() {
        for (String name : List.of("Secret diary", "Family only")) {
            for (String path : List.of("/w/" + shortId(name), "/videos/watch/" + uuid(name))) {
                Api.Res r = page(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                assertThat(r.text()).as(path).doesNotContain(name).doesNotContain("og:title").doesNotContain("og:image")
                        .doesNotContain("og:video").doesNotContain("twitter:").doesNotContain("oembed")
                        .contains("<title>Peerlet</title>");
            }
        }
        assertThat(page("/w/nothing-here").text()).doesNotContain("og:title");
    }

    @Test
    void embedPageIsFramableOnlyForSharedVideos() {
        Api.Res ok = page("/videos/embed/" + uuid(XSS_TITLE));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).contains("/js/embed.js").contains("<title>Cake &amp; &lt;b&gt;");
        assertThat(ok.header("X-Frame-Options")).isNull();
        assertThat(ok.header("Content-Security-Policy")).endsWith("frame-ancestors *");
        assertThat(page("/videos/embed/" + shortId("Unlisted walk")).status()).isEqualTo(200);
        for (String name : List.of("Secret diary", "Family only")) {
            Api.Res refused = page("/videos/embed/" + uuid(name));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.text()).doesNotContain(name);
        }
        assertThat(page("/videos/embed/unknown").status()).isEqualTo(404);
        // Every other page may be framed by this instance only.
        for (String path : List.of("/", "/w/" + shortId(XSS_TITLE), "/api/v1/config", "/js/app.js", "/feeds/videos.xml")) {
            Api.Res r = page(path);
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
            assertThat(r.header("Content-Security-Policy")).as(path).endsWith("frame-ancestors 'self'");
        }
    }

    @Test
    void oembedDescribesSharedVideosOnly() {
        String base = pub();
        String url = base + "/w/" + shortId(XSS_TITLE);
        Api.Res r = api.get("/services/oembed?format=json&url=" + Api.enc(url));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode o = r.json();
        assertThat(o.get("type").asText()).isEqualTo("video");
        assertThat(o.get("version").asText()).isEqualTo("1.0");
        assertThat(o.get("title").asText()).isEqualTo(XSS_TITLE);
        assertThat(o.get("provider_name").asText()).isEqualTo("Peerlet");
        assertThat(o.get("author_name").asText()).isNotBlank();
        assertThat(o.get("author_url").asText()).startsWith(base + "/video-channels/");
        assertThat(o.get("thumbnail_url").asText()).startsWith(base + "/lazy-static/");
        assertThat(o.get("width").asInt()).isEqualTo(560);
        assertThat(o.get("height").asInt()).isEqualTo(315);
        String html = o.get("html").asText();
        assertThat(html).startsWith("<iframe src=\"" + base + "/videos/embed/" + uuid(XSS_TITLE) + "\"")
                .contains("title=\"Cake &amp; &lt;b&gt;&quot;candles&quot;&lt;/b&gt;\"").doesNotContain("<b>");

        JsonNode small = api.get("/services/oembed?url=" + Api.enc(base + "/videos/watch/" + uuid(XSS_TITLE)) + "&maxwidth=320").json();
        assertThat(small.get("width").asInt()).isEqualTo(320);
        assertThat(small.get("height").asInt()).isEqualTo(180);
        assertThat(api.get("/services/oembed?url=" + Api.enc(base + "/w/" + shortId("Unlisted walk"))).status()).isEqualTo(200);

        for (String name : List.of("Secret diary", "Family only")) {
            Api.Res refused = api.get("/services/oembed?url=" + Api.enc(base + "/w/" + shortId(name)));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.text()).doesNotContain(name);
        }
        assertThat(api.get("/services/oembed?url=" + Api.enc(base + "/w/aaaaaaaaaaaaaaaaaaaaaa")).status()).isEqualTo(404);
        assertThat(api.get("/services/oembed?format=xml&url=" + Api.enc(url)).status()).isEqualTo(501);
        assertThat(api.get("/services/oembed?url=" + Api.enc("https://elsewhere.example/w/" + shortId(XSS_TITLE))).status()).isEqualTo(400);
        assertThat(api.get("/services/oembed").status()).isEqualTo(400);
    }

    static Document xml(Api.Res r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.bytes()));
    }

    static List<String> texts(Document d, String ns, String tag) {
        NodeList l = d.getElementsByTagNameNS(ns, tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) out.add(l.item(i).getTextContent());
        return out;
    }

    @Test
    void rssFeedListsPublicVideosNewestFirst() throws Exception {
        Api.Res r = api.get("/feeds/videos.xml");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/rss+xml");
        Document d = xml(r);
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(d.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        Element channel = (Element) d.getElementsByTagName("channel").item(0);
        assertThat(channel.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Peerlet");
        NodeList items = d.getElementsByTagName("item");
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            titles.add(((Element) items.item(i)).getElementsByTagName("title").item(0).getTextContent());
        }
        // Newest first: Mia's was uploaded last.
        assertThat(titles).containsExactly("Mia public", XSS_TITLE);
        String media = "http://search.yahoo.com/mrss/";
        Element first = (Element) items.item(1);
        assertThat(first.getElementsByTagName("link").item(0).getTextContent()).isEqualTo(pub() + "/w/" + shortId(XSS_TITLE));
        Element player = (Element) first.getElementsByTagNameNS(media, "player").item(0);
        assertThat(player.getAttribute("url")).isEqualTo(pub() + "/videos/embed/" + uuid(XSS_TITLE));
        Element content = (Element) first.getElementsByTagNameNS(media, "content").item(0);
        assertThat(content.getAttribute("url")).endsWith(".m3u8");
        assertThat(first.getElementsByTagNameNS(media, "thumbnail").getLength()).isEqualTo(1);
        String encoded = first.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded").item(0).getTextContent();
        assertThat(encoded).contains("<strong>party</strong>").contains("&lt;script&gt;").doesNotContain("<script>");
        String text = r.text();
        for (String hidden : List.of("Unlisted walk", "Secret diary", "Family only", "private words", "internal words")) {
            assertThat(text).doesNotContain(hidden);
        }
    }

    @Test
    void atomAndJsonFeedsToo() throws Exception {
        Api.Res atom = api.get("/feeds/videos.atom");
        assertThat(atom.header("Content-Type")).startsWith("application/atom+xml");
        Document d = xml(atom);
        String ns = "http://www.w3.org/2005/Atom";
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
        assertThat(d.getElementsByTagNameNS(ns, "entry").getLength()).isEqualTo(2);
        assertThat(texts(d, ns, "title")).contains("Peerlet", "Mia public", XSS_TITLE);

        Api.Res json = api.get("/feeds/videos.json");
        assertThat(json.header("Content-Type")).startsWith("application/feed+json");
        JsonNode f = new ObjectMapper().readTree(json.bytes());
        assertThat(f.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(Api.names(f.get("items"), "title")).containsExactly("Mia public", XSS_TITLE);
        JsonNode item = f.get("items").get(1);
        assertThat(item.get("url").asText()).isEqualTo(pub() + "/w/" + shortId(XSS_TITLE));
        assertThat(item.get("content_html").asText()).contains("rel=\"noopener nofollow ugc\"").doesNotContain("<script>");
        assertThat(item.get("attachments").get(0).get("url").asText()).endsWith(".m3u8");
        for (String hidden : List.of("Unlisted walk", "Secret diary", "Family only")) assertThat(json.text()).doesNotContain(hidden);
        assertThat(api.get("/feeds/videos.nope").status()).isEqualTo(404);
    }

    @Test
    void feedsPerChannelAndAccount() throws Exception {
        JsonNode miaMe = api.get("/api/v1/users/me", mia).json();
        long miaChannel = miaMe.get("videoChannels").get(0).get("id").asLong();
        String miaChannelName = miaMe.get("videoChannels").get(0).get("name").asText();
        long miaAccount = miaMe.get("account").get("id").asLong();
        for (String q : List.of("videoChannelId=" + miaChannel, "videoChannelName=" + miaChannelName,
                "accountId=" + miaAccount, "accountName=mia")) {
            JsonNode f = new ObjectMapper().readTree(api.get("/feeds/videos.json?" + q).bytes());
            assertThat(Api.names(f.get("items"), "title")).as(q).containsExactly("Mia public");
            Document d = xml(api.get("/feeds/videos.xml?" + q));
            assertThat(d.getElementsByTagName("item").getLength()).as(q).isEqualTo(1);
        }
        // A channel with no public video has a valid, empty feed.
        String adminChannel = api.get("/api/v1/users/me", admin).json().get("videoChannels").get(0).get("id").asText();
        Api.Res other = api.postJson("/api/v1/video-channels", mia, Map.of("name", "mia_empty", "displayName", "Nothing yet"));
        assertThat(other.status()).as(other.toString()).isBetween(200, 204);
        Document empty = xml(api.get("/feeds/videos.xml?videoChannelName=mia_empty"));
        assertThat(empty.getElementsByTagName("item").getLength()).isZero();
        assertThat(empty.getElementsByTagName("title").item(0).getTextContent()).startsWith("Nothing yet");
        Document emptyAtom = xml(api.get("/feeds/videos.atom?videoChannelName=mia_empty"));
        assertThat(emptyAtom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isZero();
        JsonNode adminFeed = new ObjectMapper().readTree(api.get("/feeds/videos.json?videoChannelId=" + adminChannel).bytes());
        assertThat(Api.names(adminFeed.get("items"), "title")).containsExactly(XSS_TITLE);
        assertThat(api.get("/feeds/videos.xml?videoChannelId=999999").status()).isEqualTo(404);
        assertThat(api.get("/feeds/videos.xml?accountName=nobody").status()).isEqualTo(404);
        assertThat(api.get("/feeds/videos.xml?videoChannelId=abc").status()).isEqualTo(400);
    }

    @Test
    void descriptionsComeRenderedAsSafeHtml() {
        JsonNode v = api.get("/api/v1/videos/" + uuid(XSS_TITLE)).json();
        assertThat(v.get("description").asText()).contains("**party**").contains("<script>");
        String html = v.get("descriptionHtml").asText();
        assertThat(html).contains("<strong>party</strong>")
                .containsPattern("<a (?=[^>]*href=\"https://example.org/x\")(?=[^>]*rel=\"noopener nofollow ugc\")[^>]*>grandma</a>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script");
    }

    @Test
    void thumbnailIsReplacedByAMultipartUpdate() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(800, 450, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 800, 450);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        String boundary = "----thumb" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nUnlisted walk, renamed\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"thumbnailfile\"; filename=\"t.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(png.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String id = uuid("Unlisted walk");
        Api.Res r = api.send(api.request("/api/v1/videos/" + id, admin)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        JsonNode v = api.get("/api/v1/videos/" + id, admin).json();
        assertThat(v.get("name").asText()).isEqualTo("Unlisted walk, renamed");
        Api.Res thumb = api.get(v.get("thumbnailPath").asText());
        java.awt.image.BufferedImage got = javax.imageio.ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
        assertThat(got.getWidth()).isEqualTo(560);
        int rgb = got.getRGB(280, 157);
        assertThat((rgb >> 16) & 0xff).isGreaterThan(200);
        assertThat(rgb & 0xff).isLessThan(60);
        // Not an image: refused, and nothing changed.
        Api.Res bad = api.send(api.request("/api/v1/videos/" + id, admin)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"thumbnailfile\"; filename=\"t.png\"\r\n\r\nnot an image\r\n--"
                        + boundary + "--\r\n")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.get(v.get("thumbnailPath").asText()).bytes()).isEqualTo(thumb.bytes());
        api.putJson("/api/v1/videos/" + id, admin, Map.of("name", "Unlisted walk"));
    }
}
