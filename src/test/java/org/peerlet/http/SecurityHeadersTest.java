package org.peerlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of answer, fetched over real HTTP, carries the security headers: a Content-Security-
 * Policy that runs the app's own files only (no inline script or style), nosniff, a referrer
 * policy that keeps addresses on this site, and framing by this instance only, except the embed
 * player, which any site may frame.
 */
class SecurityHeadersTest {
    static final List<String> STRICT_REFERRER = List.of("no-referrer", "same-origin", "strict-origin",
            "strict-origin-when-cross-origin");
    /** An inline script, a style attribute or element, or an event-handler attribute in HTML. */
    static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\ssrc=)[^>]*>|<style[\\s>]|\\sstyle\\s*=|\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    static TestServer server;
    static Api api;
    static Path clips;
    static JsonNode open;
    static JsonNode secret;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        Uploads uploads = new Uploads(api);
        String admin = api.adminToken();
        clips = Files.createTempDirectory("headers-clips");
        Path clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 1.0, 10);
        open = uploads.awaitPublished(admin, uploads.upload(admin, "Open", 1, clip));
        secret = uploads.awaitPublished(admin, uploads.upload(admin, "Secret", 3, clip));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (clips != null) TestFiles.deleteRecursively(clips);
    }

    static Api.Res page(String path) {
        return api.send(api.request(path, null).header("Accept", "text/html").GET());
    }

    /** One answer of each kind the instance gives, named. */
    static Map<String, Api.Res> everyKind() {
        String uuid = open.get("uuid").asText();
        String hls = "/static/streaming-playlists/hls/" + uuid + "/";
        String watch = api.base().replace("127.0.0.1", "localhost") + "/w/" + open.get("shortUUID").asText();
        Map<String, Api.Res> all = new LinkedHashMap<>();
        all.put("home page", page("/"));
        all.put("app page", page("/login"));
        all.put("unknown page address", page("/no/such/page"));
        all.put("watch page with preview tags", page("/w/" + open.get("shortUUID").asText()));
        all.put("watch page of a private video", page("/videos/watch/" + secret.get("uuid").asText()));
        all.put("embed page", page("/videos/embed/" + uuid));
        all.put("embed page of a private video (404)", page("/videos/embed/" + secret.get("uuid").asText()));
        all.put("API JSON", api.get("/api/v1/videos"));
        all.put("API 404", api.get("/api/v1/videos/999999"));
        all.put("API 401", api.get("/api/v1/users/me"));
        all.put("API 400", api.get("/api/v1/videos?count=many"));
        all.put("unknown endpoint", api.get("/api/v1/nothing-here"));
        all.put("method not allowed", api.send(api.request("/api/v1/config", null)
                .method("PATCH", HttpRequest.BodyPublishers.noBody())));
        all.put("HEAD of a page", api.send(api.request("/", null).method("HEAD", HttpRequest.BodyPublishers.noBody())));
        all.put("script", api.get("/js/app.js"));
        all.put("style sheet", api.get("/css/app.css"));
        all.put("icon", api.get("/favicon.svg"));
        all.put("vendored player", api.get("/vendor/hls.light.min.js"));
        all.put("HLS playlist", api.get(hls + "master.m3u8"));
        all.put("HLS segment, a range of it", api.send(api.request(hls + segment(uuid), null).header("Range", "bytes=0-99").GET()));
        all.put("thumbnail", api.get(open.get("thumbnailPath").asText()));
        all.put("download", api.get(open.at("/streamingPlaylists/0/files/0/fileDownloadUrl").asText()));
        all.put("private media without a token", api.get("/static/streaming-playlists/hls/" + secret.get("uuid").asText() + "/master.m3u8"));
        all.put("RSS feed", api.get("/feeds/videos.xml"));
        all.put("oEmbed", api.get("/services/oembed?url=" + Api.enc(watch)));
        all.put("NodeInfo", api.get("/nodeinfo/2.0"));
        all.put("ActivityPub actor", api.send(api.request("/accounts/admin", null).header("Accept", "application/activity+json").GET()));
        all.put("tracker address without an upgrade", api.get("/tracker/socket"));
        all.put("Jetty's own 400 (a malformed address)", raw("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        return all;
    }

    static String segment(String uuid) {
        String master = api.get("/static/streaming-playlists/hls/" + uuid + "/master.m3u8").text();
        String rung = master.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
        String media = api.get("/static/streaming-playlists/hls/" + uuid + "/" + rung).text();
        return media.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
    }

    @Test
    void everyKindOfAnswerCarriesTheHeaders() {
        Map<String, Api.Res> all = everyKind();
        for (var e : all.entrySet()) {
            String kind = e.getKey();
            Api.Res r = e.getValue();
            assertThat(r.header("X-Content-Type-Options")).as(kind + " " + r.status()).isEqualTo("nosniff");
            assertThat(STRICT_REFERRER).as(kind + ": Referrer-Policy").contains(r.header("Referrer-Policy"));
            Map<String, String> csp = policy(r.header("Content-Security-Policy"));
            assertThat(csp.get("default-src")).as(kind).isEqualTo("'self'");
            assertThat(csp.get("script-src")).as(kind).isEqualTo("'self'");
            assertThat(csp.get("style-src")).as(kind).isEqualTo("'self'");
            assertThat(csp.get("object-src")).as(kind).isEqualTo("'none'");
            assertThat(csp.get("base-uri")).as(kind).isEqualTo("'none'");
            assertThat(String.join(" ", csp.values())).as(kind).doesNotContain("unsafe");
            boolean embed = kind.startsWith("embed");
            assertThat(csp.get("frame-ancestors")).as(kind).isEqualTo(embed ? "*" : "'self'");
            assertThat(r.header("X-Frame-Options")).as(kind).isEqualTo(embed ? null : "SAMEORIGIN");
        }
        // The kinds really are what they say (a wrong path would test a 404 instead).
        assertThat(all.get("HLS segment, a range of it").status()).isEqualTo(206);
        assertThat(all.get("embed page").status()).isEqualTo(200);
        assertThat(all.get("embed page of a private video (404)").status()).isEqualTo(404);
        assertThat(all.get("download").status()).isEqualTo(200);
        assertThat(all.get("oEmbed").status()).isEqualTo(200);
        assertThat(all.get("API 400").status()).isEqualTo(400);
        assertThat(all.get("Jetty's own 400 (a malformed address)").status()).isEqualTo(400);
    }

    @Test
    void pagesHaveNoInlineScriptStyleOrHandlers() {
        for (var e : everyKind().entrySet()) {
            String type = e.getValue().header("Content-Type");
            if (type == null || !type.startsWith("text/html") || e.getKey().startsWith("Jetty")) continue;
            assertThat(INLINE.matcher(e.getValue().text()).results().map(m -> m.group()).toList())
                    .as(e.getKey()).isEmpty();
        }
        for (String file : List.of("/index.html", "/embed.html")) {
            assertThat(INLINE.matcher(api.get(file).text()).find()).as(file).isFalse();
        }
    }

    @Test
    void thePolicyLetsThePlayerWork() {
        Map<String, String> csp = policy(page("/").header("Content-Security-Policy"));
        // hls.js feeds the video from a blob: MediaSource and transmuxes in a blob: worker.
        assertThat(csp.get("media-src")).contains("'self'", "blob:");
        assertThat(csp.get("worker-src")).contains("'self'", "blob:");
        // Playlists name the public address (here localhost, the page is on 127.0.0.1), and a
        // followed instance's videos play from their origin (https) with their tracker (wss).
        String publicOrigin = api.base().replace("127.0.0.1", "localhost");
        assertThat(csp.get("connect-src").split(" ")).contains("'self'", publicOrigin, "https:", "wss:")
                .doesNotContain("*", "http:", "ws:");
        assertThat(csp.get("media-src").split(" ")).contains(publicOrigin);
        assertThat(csp.get("img-src").split(" ")).contains("'self'", "blob:").doesNotContain("*", "https:");
    }

    @Test
    void withFederationOverPlainHttpFollowedVideosMayComeOverHttp() {
        try (TestServer dev = TestServer.start(Map.of("PEERLET_FEDERATION_ALLOW_HTTP", "true"))) {
            Api.Res r = dev.api().get("/api/v1/config");
            assertThat(policy(r.header("Content-Security-Policy")).get("connect-src").split(" "))
                    .contains("https:", "wss:", "http:", "ws:");
        }
    }

    /** Directives by name; fails the test if the header is missing. */
    static Map<String, String> policy(String header) {
        assertThat(header).as("Content-Security-Policy").isNotNull();
        Map<String, String> m = new LinkedHashMap<>();
        for (String d : header.split(";")) {
            String[] parts = d.strip().split("\\s+", 2);
            if (!parts[0].isEmpty()) m.put(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
        }
        return m;
    }

    /** A request written by hand (the JDK's client will not send a malformed address). */
    static Api.Res raw(String request) {
        URI base = URI.create(api.base());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
            String[] lines = head.split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new java.util.ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            return new Api.Res(status, java.net.http.HttpHeaders.of(headers, (a, b) -> true),
                    text.substring(head.length()).getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
