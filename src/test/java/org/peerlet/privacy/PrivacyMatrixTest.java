package org.peerlet.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.peerlet.federation.signature.HttpSignatures;
import org.peerlet.federation.signature.Keys;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.Multipart;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;
import org.peerlet.tracker.InfoHashes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Airtight privacy, as a generated matrix: every privacy level (plus "private shared with X",
 * a public video a moderator blocked and unfederated,
 * "private via share link") x every read path x every kind of viewer, on two real federating
 * instances (A holds the videos, B follows A; bob on B is one of the people a video is shared
 * with). The expectation comes from a small independent spec ({@link #expected}), never from the
 * code under test. Then the edge cases: guessed ids, tokens of other videos, expired tokens,
 * revoked shares, expired and used-up links, a federated public video made private.
 */
class PrivacyMatrixTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> DEV = Map.of("PEERLET_FEDERATION_ALLOW_LOOPBACK", "true",
            "PEERLET_FEDERATION_ALLOW_HTTP", "true", "PEERLET_TRANSCODING_RESOLUTIONS", "240",
            "PEERLET_TRACKER_ANNOUNCES_PER_IP", "100000", "PEERLET_TRACKER_ANNOUNCES_PER_IP_PER_SWARM", "100000",
            "PEERLET_TRACKER_MAX_SOCKETS_PER_IP", "1000");
    // Long enough to outlast a paused host (the retry table's first step is 30 s) on a loaded machine.
    static final Duration WAIT = Duration.ofSeconds(60);

    enum Level { PUBLIC, UNLISTED, PRIVATE, INTERNAL, PASSWORD, SHARED, LINK, BLOCKED }

    enum Who { ANONYMOUS, OTHER_USER, SHAREE, OWNER, ADMIN, HOLDER, REMOTE_INSTANCE, REMOTE_PERSON }

    enum Path_ { DETAIL, LIST, SEARCH, CHANNEL_LIST, ACCOUNT_LIST, COMMENTS, RATE, VIEW, THUMBNAIL, PREVIEW, MASTER,
        SEGMENT, SHA256, DOWNLOAD, TRACKER, FED_OBJECT, CAPTIONS, CAPTION_FILE, CHAPTERS, STORYBOARDS, STORYBOARD_FILE }

    static final Map<Level, String> WORD = Map.of(Level.PUBLIC, "kiwi", Level.UNLISTED, "lemon", Level.PRIVATE, "mango",
            Level.INTERNAL, "nectarine", Level.PASSWORD, "olive", Level.SHARED, "papaya", Level.LINK, "quince",
            Level.BLOCKED, "rhubarb");
    static final String PASSWORD = "family-pw-2";

    static MutableClock clockA = MutableClock.startingNow();
    static TestServer a;
    static TestServer b;
    static Api apiA;
    static Api apiB;
    static String admin;
    static String alice;
    static String olga;
    static String xena;
    static String bob;
    static Path clips;
    static Path clip;
    static String hostA;
    static String hostB;
    static final Map<Level, JsonNode> video = new EnumMap<>(Level.class);
    static final Map<Level, String> linkToken = new EnumMap<>(Level.class);
    static final Map<String, String> tokens = new HashMap<>();
    static final Map<Level, String> leakedSegment = new EnumMap<>(Level.class);
    static final Map<Level, String> captionFile = new EnumMap<>(Level.class);

    @BeforeAll
    static void start() throws Exception {
        a = TestServer.start(DEV, clockA);
        b = TestServer.start(DEV);
        apiA = a.api();
        apiB = b.api();
        hostA = "localhost:" + a.app().port();
        hostB = "localhost:" + b.app().port();
        admin = apiA.adminToken();
        alice = apiA.createUser(admin, "alice", "alice-secret-1");
        olga = apiA.createUser(admin, "olga", "olga-secret-1");
        xena = apiA.createUser(admin, "xena", "xena-secret-1");
        bob = apiB.createUser(apiB.adminToken(), "bob", "bob-secret-1");
        Api.Res f = apiB.postJson("/api/v1/server/following", apiB.adminToken(), Map.of("hosts", List.of(hostA)));
        assertThat(f.status()).as(f.toString()).isEqualTo(204);
        await("B follows A", () -> apiB.get("/api/v1/server/following").json().path("data").path(0).path("state").asText().equals("accepted"));

        clips = Files.createTempDirectory("privacy-clips");
        // Three seconds: the shortest a video gets a storyboard at.
        clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 3.0, 10);
        Uploads up = new Uploads(apiA);
        Map<Level, Long> ids = new EnumMap<>(Level.class);
        for (Level l : Level.values()) ids.put(l, upload(up, "Matrix " + WORD.get(l), l));
        for (Level l : Level.values()) up.awaitPublished(alice, ids.get(l));
        share(ids.get(Level.SHARED), "xena");
        share(ids.get(Level.SHARED), "bob@" + hostB);
        Api.Res link = apiA.postJson("/api/v1/videos/" + ids.get(Level.LINK) + "/share-links", alice, Map.of("maxViews", 1000));
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        linkToken.put(Level.LINK, link.json().get("shareLink").get("token").asText());
        for (Level l : Level.values()) video.put(l, apiA.get("/api/v1/videos/" + ids.get(l), alice).json());
        for (Level l : List.of(Level.PUBLIC, Level.UNLISTED, Level.BLOCKED)) {
            await(l + " on B", () -> apiB.get("/api/v1/videos/" + uuid(l)).status() == 200);
        }
        // A public video a moderator hid and unfederated: its copy on B goes too.
        Api.Res block = apiA.postJson("/api/v1/videos/" + ids.get(Level.BLOCKED) + "/blacklist", admin,
                Map.of("reason", "Not for here", "unfederate", true));
        assertThat(block.status()).as(block.toString()).isEqualTo(204);
        await("the blocked video gone from B", () -> apiB.get("/api/v1/videos/" + uuid(Level.BLOCKED)).status() == 404);
        video.put(Level.BLOCKED, apiA.get("/api/v1/videos/" + ids.get(Level.BLOCKED), alice).json());
        await("the shared video on B for bob", () -> apiB.get("/api/v1/videos/" + uuid(Level.SHARED), bob).status() == 200);
        // The URL of a segment, as the owner's player sees it: what could leak.
        for (Level l : Level.values()) leakedSegment.put(l, firstSegment(alice, l));
        for (Level l : Level.values()) captionFile.put(l, caption(ids.get(l)));
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
        TestFiles.deleteRecursively(clips);
    }

    static long upload(Uploads up, String name, Level l) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("channelId", up.channelId(alice));
        fields.put("privacy", switch (l) {
            case PUBLIC, BLOCKED -> 1;
            case UNLISTED -> 2;
            case INTERNAL -> 4;
            case PASSWORD -> 5;
            default -> 3;
        });
        if (l == Level.PASSWORD) fields.put("videoPasswords[]", List.of("other-pw-1", PASSWORD));
        Api.Res r = up.multipart(alice, fields, clip, "c.mp4");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("video").get("id").asLong();
    }

    /** Gives the video an English caption; the URL of its file. */
    static String caption(long id) {
        Multipart body = new Multipart().file("captionfile", "en.srt",
                "1\n00:00:00,000 --> 00:00:00,400\nsecret words\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Res put = apiA.send(apiA.request("/api/v1/videos/" + id + "/captions/en", alice)
                .header("Content-Type", body.contentType()).PUT(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        return apiA.get("/api/v1/videos/" + id + "/captions", alice).json().get("data").get(0).get("fileUrl").asText();
    }

    static void share(long id, String handle) {
        Api.Res r = apiA.postJson("/api/v1/videos/" + id + "/shares", alice, Map.of("handle", handle));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static String uuid(Level l) {
        return video.get(l).get("uuid").asText();
    }

    static void await(String what, BooleanSupplier ok) {
        Await.until(what, WAIT, ok);
    }

    // ---- the spec ------------------------------------------------------------------------

    static boolean remote(Who w) {
        return w == Who.REMOTE_INSTANCE || w == Who.REMOTE_PERSON;
    }

    static boolean open(Level l) {
        return l == Level.PUBLIC || l == Level.UNLISTED;
    }

    /** May this viewer watch this video? */
    static boolean sees(Level l, Who w) {
        if (w == Who.OWNER || w == Who.ADMIN) return true;
        return switch (l) {
            case PUBLIC, UNLISTED -> true;
            case INTERNAL -> w == Who.OTHER_USER || w == Who.SHAREE;
            case PRIVATE, BLOCKED -> false;
            case PASSWORD, LINK -> w == Who.HOLDER;
            case SHARED -> w == Who.SHAREE || w == Who.REMOTE_PERSON;
        };
    }

    /** Is it in a list this viewer reads? (ownerView: the owner's channel or account) */
    static boolean listed(Level l, Who w, boolean ownerView) {
        if (ownerView && (w == Who.OWNER || w == Who.ADMIN)) return true;
        if (l == Level.PUBLIC) return true;
        return l == Level.INTERNAL && !remote(w) && w != Who.ANONYMOUS && w != Who.HOLDER;
    }

    static boolean expected(Level l, Path_ p, Who w) {
        return switch (p) {
            case DETAIL, COMMENTS, VIEW, THUMBNAIL, PREVIEW, MASTER, SEGMENT, SHA256, DOWNLOAD, TRACKER, CAPTIONS, CAPTION_FILE,
                    CHAPTERS, STORYBOARDS, STORYBOARD_FILE -> sees(l, w);
            case LIST, SEARCH -> listed(l, w, false);
            case CHANNEL_LIST, ACCOUNT_LIST -> listed(l, w, true);
            case RATE -> sees(l, w) && w != Who.ANONYMOUS && w != Who.HOLDER && w != Who.REMOTE_INSTANCE;
            case FED_OBJECT -> open(l) || (l == Level.SHARED && w == Who.REMOTE_PERSON);
        };
    }

    // ---- how each viewer asks ----------------------------------------------------------

    static String bearer(Who w) {
        return switch (w) {
            case OTHER_USER -> olga;
            case SHAREE -> xena;
            case OWNER -> alice;
            case ADMIN -> admin;
            case REMOTE_PERSON -> bob;
            default -> null;
        };
    }

    static Api api(Who w) {
        return remote(w) ? apiB : apiA;
    }

    static HttpRequest.Builder request(Who w, Level l, String path) {
        HttpRequest.Builder r = api(w).request(path, bearer(w));
        if (w == Who.HOLDER && l == Level.PASSWORD) r.header("x-peertube-video-password", PASSWORD);
        if (w == Who.HOLDER && l == Level.LINK) r.header("x-peerlet-share-token", linkToken.get(Level.LINK));
        return r;
    }

    static Api.Res get(Who w, Level l, String path) {
        return api(w).send(request(w, l, path).GET());
    }

    static Api.Res send(Who w, Level l, String method, String path, Object body) {
        return api(w).send(request(w, l, path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Api.write(body))));
    }

    /** A file token as the viewer's player would get one (null if refused); remote people get it through B. */
    static String token(Who w, Level l) {
        if (w == Who.REMOTE_INSTANCE) return null;
        // Keyed by the test clock too: a test that moves it past the tokens' hour must not leave expired ones here.
        return tokens.computeIfAbsent(w + "/" + l + "@" + clockA.millis(), k -> {
            Api.Res r = send(w, l, "POST", "/api/v1/videos/" + uuid(l) + "/token", Map.of());
            return r.status() == 200 ? r.json().get("files").get("token").asText() : null;
        });
    }

    static String withToken(String url, String token) {
        return token == null ? url : url + (url.contains("?") ? "&" : "?") + "videoFileToken=" + token;
    }

    static boolean inList(Who w, Level l, String path) {
        Api.Res r = get(w, l, path);
        if (r.status() != 200) return false;
        return Api.names(r.json().get("data"), "uuid").contains(uuid(l));
    }

    static boolean fetched(String url) {
        return apiA.get(url).status() == 200;
    }

    static String firstSegment(String bearerToken, Level l) {
        return firstSegment(bearerToken, video.get(l));
    }

    static String firstSegment(String bearerToken, JsonNode v) {
        String master = v.get("streamingPlaylists").get(0).get("playlistUrl").asText();
        String variant = firstUri(URI.create(master), apiA.get(master, bearerToken).text());
        String seg = firstUri(URI.create(variant), apiA.get(variant, bearerToken).text());
        return seg.contains("videoFileToken") ? seg.substring(0, seg.indexOf('?')) : seg;
    }

    static String firstUri(URI base, String playlist) {
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXT-X-MAP:")) {
                int i = line.indexOf("URI=\"");
                return base.resolve(line.substring(i + 5, line.indexOf('"', i + 5))).toString();
            }
            if (!line.isBlank() && !line.startsWith("#")) return base.resolve(line.strip()).toString();
        }
        throw new AssertionError("no URI in playlist: " + playlist);
    }

    /** Plays as a player would: tokenized master, then the URIs the (rewritten) playlists give. */
    static boolean segmentPlays(Who w, Level l) {
        String token = open(l) ? null : token(w, l);
        if (token == null && !open(l)) return fetched(leakedSegment.get(l));
        String master = withToken(video.get(l).get("streamingPlaylists").get(0).get("playlistUrl").asText(), token);
        Api.Res m = apiA.get(master);
        if (m.status() != 200) return false;
        String variant = firstUri(URI.create(master), m.text());
        Api.Res v = apiA.get(variant);
        if (v.status() != 200) return false;
        return fetched(firstUri(URI.create(variant), v.text()));
    }

    static boolean run(Level l, Path_ p, Who w) throws Exception {
        String id = uuid(l);
        String accountHandle = remote(w) ? "alice@" + hostA : "alice";
        String channelHandle = remote(w) ? "alice_channel@" + hostA : "alice_channel";
        String file = switch (p) {
            case THUMBNAIL -> apiA.base() + video.get(l).get("thumbnailPath").asText();
            case PREVIEW -> apiA.base() + video.get(l).get("previewPath").asText();
            case MASTER -> video.get(l).get("streamingPlaylists").get(0).get("playlistUrl").asText();
            case SHA256 -> video.get(l).get("streamingPlaylists").get(0).get("segmentsSha256Url").asText();
            case DOWNLOAD -> video.get(l).get("streamingPlaylists").get(0).get("files").get(0).get("fileDownloadUrl").asText();
            case CAPTION_FILE -> captionFile.get(l);
            case STORYBOARD_FILE -> apiA.base() + "/lazy-static/storyboards/" + video.get(l).get("uuid").asText() + ".jpg";
            default -> null;
        };
        return switch (p) {
            case DETAIL -> get(w, l, "/api/v1/videos/" + id).status() == 200;
            case LIST -> inList(w, l, "/api/v1/videos?count=100");
            case SEARCH -> inList(w, l, "/api/v1/search/videos?search=" + WORD.get(l));
            case CHANNEL_LIST -> inList(w, l, "/api/v1/video-channels/" + channelHandle + "/videos?count=100");
            case ACCOUNT_LIST -> inList(w, l, "/api/v1/accounts/" + accountHandle + "/videos?count=100");
            case COMMENTS -> get(w, l, "/api/v1/videos/" + id + "/comment-threads").status() == 200;
            case RATE -> send(w, l, "PUT", "/api/v1/videos/" + id + "/rate", Map.of("rating", "like")).status() == 204;
            case VIEW -> send(w, l, "POST", "/api/v1/videos/" + id + "/views", Map.of()).status() == 204;
            case CAPTIONS -> get(w, l, "/api/v1/videos/" + id + "/captions").status() == 200;
            case CHAPTERS -> get(w, l, "/api/v1/videos/" + id + "/chapters").status() == 200;
            case STORYBOARDS -> get(w, l, "/api/v1/videos/" + id + "/storyboards").status() == 200;
            case THUMBNAIL, PREVIEW, MASTER, SHA256, DOWNLOAD, CAPTION_FILE, STORYBOARD_FILE -> fetched(withToken(file, open(l) ? null : token(w, l)));
            case SEGMENT -> segmentPlays(w, l);
            case TRACKER -> trackerAdmits(video.get(l).get("streamingPlaylists").get(0).get("playlistUrl").asText(),
                    open(l) ? null : token(w, l));
            case FED_OBJECT -> fedObject(w, id);
        };
    }

    // ---- the matrix ----------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> everyLevelTimesEveryPathTimesEveryViewer() {
        List<DynamicTest> cases = new ArrayList<>();
        long[] started = {0};
        for (Level l : Level.values()) {
            for (Path_ p : Path_.values()) {
                for (Who w : Who.values()) {
                    boolean want = expected(l, p, w);
                    cases.add(DynamicTest.dynamicTest(l + " x " + p + " x " + w + " -> " + (want ? "allowed" : "refused"), () -> {
                        if (started[0] == 0) started[0] = System.nanoTime();
                        assertThat(run(l, p, w)).as(l + " " + p + " " + w).isEqualTo(want);
                    }));
                }
            }
        }
        cases.add(DynamicTest.dynamicTest("count", () -> System.out.printf("privacy matrix: %d cases in %d ms%n",
                cases.size() - 1, (System.nanoTime() - started[0]) / 1_000_000)));
        System.out.println("privacy matrix: " + (cases.size() - 1) + " generated cases");
        return cases;
    }

    // ---- tracker and signed fetches, as a client sees them --------------------------------

    /** Announces one variant's info-hash on A's tracker with the socket token; true if admitted. */
    static boolean trackerAdmits(String masterUrl, String token) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        StringBuilder buf = new StringBuilder();
        String q = token == null ? "" : "?token=" + Api.enc(token);
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(apiA.base().replace("http://", "ws://") + "/tracker/socket" + q), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
                        buf.append(data);
                        if (last) answer.complete(buf.toString());
                        s.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket s, int code, String reason) {
                        answer.complete("{\"closed\":" + code + "}");
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        try {
            char[] peer = new char[20];
            for (int i = 0; i < 20; i++) peer[i] = (char) ('a' + (int) (Math.random() * 26));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", "announce");
            m.put("info_hash", InfoHashes.forPlaylist(masterUrl, 0));
            m.put("peer_id", new String(peer));
            m.put("numwant", 0);
            m.put("left", 0);
            m.put("event", "started");
            m.put("offers", List.of());
            ws.sendText(JSON.writeValueAsString(m), true).get(5, TimeUnit.SECONDS);
            JsonNode reply = JSON.readTree(answer.get(5, TimeUnit.SECONDS));
            return !reply.has("failure reason") && !reply.has("closed") && reply.has("interval");
        } finally {
            ws.abort();
        }
    }

    /** GETs A's Video object: unsigned, or HTTP-signed by B's instance actor or by bob (their keys read from B's database). */
    static boolean fedObject(Who w, String uuid) throws Exception {
        String url = apiA.base() + "/videos/watch/" + uuid;
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/activity+json").GET();
        if (remote(w)) {
            String name = w == Who.REMOTE_PERSON ? "bob" : "peerlet";
            String keyId = "http://" + hostB + "/accounts/" + name + "#main-key";
            HttpSignatures.sign("GET", URI.create(url), null, keyId, Keys.readPrivate(privatePem(name)), Instant.now())
                    .forEach(r::header);
        }
        return apiA.send(r).status() == 200;
    }

    static String privatePem(String account) throws Exception {
        // Make sure the key exists (B makes it on first need, e.g. when its actor is fetched).
        apiB.send(apiB.request("/accounts/" + account, null).header("Accept", "application/activity+json").GET());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + b.dataDir().resolve("peerlet.db"));
             PreparedStatement s = c.prepareStatement("SELECT k.private_pem FROM actor_keys k JOIN accounts a ON a.id = k.ref_id "
                     + "WHERE k.kind = 'account' AND a.name = ? AND a.host = ''")) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    // ---- edge cases ----------------------------------------------------------------------

    @Test
    void guessingNumericIdsShowsNothingOfWhatOneMayNotSee() {
        long max = video.values().stream().mapToLong(v -> v.get("id").asLong()).max().orElseThrow();
        for (Who w : List.of(Who.ANONYMOUS, Who.OTHER_USER)) {
            for (long id = 1; id <= max + 5; id++) {
                Api.Res r = apiA.get("/api/v1/videos/" + id, bearer(w));
                for (Level l : Level.values()) {
                    if (sees(l, w)) continue;
                    assertThat(r.text()).as(w + " id " + id).doesNotContain(WORD.get(l)).doesNotContain(uuid(l));
                    if (video.get(l).get("id").asLong() == id) assertThat(r.status()).isIn(401, 403, 404);
                }
            }
        }
        // By numeric id a password-protected video answers exactly as a private one: counting tells nothing.
        for (Who w : List.of(Who.ANONYMOUS, Who.OTHER_USER)) {
            Api.Res pw = apiA.get("/api/v1/videos/" + video.get(Level.PASSWORD).get("id").asLong(), bearer(w));
            Api.Res priv = apiA.get("/api/v1/videos/" + video.get(Level.PRIVATE).get("id").asLong(), bearer(w));
            assertThat(pw.status()).as(w.toString()).isEqualTo(priv.status());
            assertThat(pw.text()).as(w.toString()).isEqualTo(priv.text());
        }
        assertThat(apiA.get("/api/v1/videos/" + uuid(Level.PASSWORD)).json().get("code").asText()).isEqualTo("video_requires_password");
        Api.Res wrong = apiA.send(apiA.request("/api/v1/videos/" + uuid(Level.PASSWORD), null)
                .header("x-peertube-video-password", "not-it").GET());
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("code").asText()).isEqualTo("incorrect_video_password");
    }

    @Test
    void aTokenOfAnotherVideoIsRefused() {
        String t = token(Who.OWNER, Level.PRIVATE);
        String master = video.get(Level.LINK).get("streamingPlaylists").get(0).get("playlistUrl").asText();
        assertThat(apiA.get(withToken(master, t)).status()).isEqualTo(403);
        assertThat(apiA.get(withToken(leakedSegment.get(Level.LINK), t)).status()).isEqualTo(403);
        assertThat(apiA.get(withToken(video.get(Level.PRIVATE).get("streamingPlaylists").get(0).get("playlistUrl").asText(), t)).status())
                .isEqualTo(200);
        assertThat(apiA.get(withToken(leakedSegment.get(Level.PRIVATE), t + "x")).status()).isEqualTo(403);
    }

    @Test
    void aRevokedShareEndsAccessHereAndOnTheOtherInstance() throws Exception {
        // A shared video of its own: revoking must not take the matrix's away.
        Uploads up = new Uploads(apiA);
        long id = upload(up, "Matrix quince", Level.SHARED);
        up.awaitPublished(alice, id);
        share(id, "xena");
        share(id, "bob@" + hostB);
        JsonNode owner = apiA.get("/api/v1/videos/" + id, alice).json();
        String u = owner.get("uuid").asText();
        await("the shared video on B for bob", () -> apiB.get("/api/v1/videos/" + u, bob).status() == 200);
        String segment = firstSegment(alice, owner);
        String master = owner.get("streamingPlaylists").get(0).get("playlistUrl").asText();
        Api.Res t = send(Who.SHAREE, Level.SHARED, "POST", "/api/v1/videos/" + u + "/token", Map.of());
        String xenaToken = t.json().get("files").get("token").asText();
        assertThat(owner.get("visibility").get("shares").asInt()).isEqualTo(2);
        assertThat(owner.get("visibility").get("remoteShares").asInt()).isEqualTo(1);
        JsonNode mine = apiA.get("/api/v1/users/me/shared-videos", xena).json();
        assertThat(Api.names(mine.get("data"), "uuid")).contains(u);
        int sharedWithXena = mine.get("total").asInt();
        JsonNode shares = apiA.get("/api/v1/videos/" + id + "/shares", alice).json();
        for (JsonNode s : shares.get("data")) {
            assertThat(apiA.delete("/api/v1/videos/" + id + "/shares/" + s.get("id").asText(), alice).status()).isEqualTo(204);
        }
        assertThat(apiA.get("/api/v1/videos/" + id, xena).status()).isEqualTo(403);
        assertThat(fetched(withToken(segment, xenaToken))).isFalse();
        assertThat(trackerAdmits(master, xenaToken)).isFalse();
        JsonNode after = apiA.get("/api/v1/users/me/shared-videos", xena).json();
        assertThat(after.get("total").asInt()).isEqualTo(sharedWithXena - 1);
        assertThat(Api.names(after.get("data"), "uuid")).doesNotContain(u);
        await("the revoked video gone from B", () -> apiB.get("/api/v1/videos/" + u, bob).status() == 404);
        assertThat(fedObject(Who.REMOTE_PERSON, u)).isFalse();
        assertThat(apiB.send(apiB.request("/api/v1/videos/" + u + "/token", bob)
                .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(404);
    }

    @Test
    void aLinkPastItsMaxViewsOrRevokedIsRefused() throws Exception {
        // A private video of its own: revoking a link ends the file tokens of its video, which the matrix keeps.
        Uploads up = new Uploads(apiA);
        long id = upload(up, "Matrix sloe", Level.PRIVATE);
        String segment = firstSegment(alice, up.awaitPublished(alice, id));
        JsonNode link = apiA.postJson("/api/v1/videos/" + id + "/share-links", alice, Map.of("maxViews", 1)).json().get("shareLink");
        String t = link.get("token").asText();
        Api.Res follow = apiA.get("/s/" + t);
        assertThat(follow.status()).isEqualTo(302);
        assertThat(follow.header("Location")).endsWith("?share=" + t);
        assertThat(apiA.get("/api/v1/videos/" + id + "?share=" + t).status()).isEqualTo(200);
        assertThat(apiA.postJson("/api/v1/videos/" + id + "/token?share=" + t, null, Map.of()).status()).isEqualTo(200);
        assertThat(apiA.postJson("/api/v1/videos/" + id + "/token?share=" + t, null, Map.of()).status()).isEqualTo(401);
        assertThat(apiA.get("/api/v1/videos/" + id + "?share=" + t).status()).isEqualTo(401);
        assertThat(apiA.get("/s/" + t).status()).isEqualTo(404);

        JsonNode other = apiA.postJson("/api/v1/videos/" + id + "/share-links", alice, Map.of()).json().get("shareLink");
        String t2 = other.get("token").asText();
        String fileToken = apiA.postJson("/api/v1/videos/" + id + "/token?share=" + t2, null, Map.of()).json()
                .get("files").get("token").asText();
        assertThat(fetched(withToken(segment, fileToken))).isTrue();
        assertThat(apiA.delete("/api/v1/videos/" + id + "/share-links/" + other.get("id").asText(), alice).status()).isEqualTo(204);
        assertThat(apiA.get("/api/v1/videos/" + id + "?share=" + t2).status()).isEqualTo(401);
        assertThat(fetched(withToken(segment, fileToken))).isFalse();
        // The link's token works for that video only.
        JsonNode third = apiA.postJson("/api/v1/videos/" + id + "/share-links", alice, Map.of()).json().get("shareLink");
        assertThat(apiA.get("/api/v1/videos/" + uuid(Level.LINK) + "?share=" + third.get("token").asText()).status()).isEqualTo(401);
    }

    @Test
    void aPublicVideoFederatedThenMadePrivateIsGoneFromBAndItsUrlsAnswer404() {
        Uploads up = new Uploads(apiA);
        long id = upload(up, "Matrix rhubarb", Level.PUBLIC);
        JsonNode v = up.awaitPublished(alice, id);
        String u = v.get("uuid").asText();
        String master = v.get("streamingPlaylists").get(0).get("playlistUrl").asText();
        await("on B", () -> apiB.get("/api/v1/videos/" + u).status() == 200);
        assertThat(Api.names(apiB.get("/api/v1/search/videos?search=rhubarb").json().get("data"), "uuid")).contains(u);
        assertThat(apiA.putJson("/api/v1/videos/" + id, alice, Map.of("privacy", 3)).status()).isEqualTo(204);
        await("gone from B", () -> apiB.get("/api/v1/videos/" + u).status() == 404);
        assertThat(Api.names(apiB.get("/api/v1/videos?count=100").json().get("data"), "uuid")).doesNotContain(u);
        assertThat(apiB.get("/api/v1/videos?count=100").json().get("total").asInt())
                .isEqualTo(apiB.get("/api/v1/videos?count=100").json().get("data").size());
        Api.Res object = apiA.send(apiA.request("/videos/watch/" + u, null).header("Accept", "application/activity+json").GET());
        assertThat(object.status()).isEqualTo(404);
        assertThat(apiA.get(master).status()).isEqualTo(404);
        assertThat(apiA.get("/lazy-static/thumbnails/" + u + ".jpg").status()).isEqualTo(404);
        assertThat(apiA.get("/api/v1/videos/" + u).status()).isEqualTo(401);
    }

    @Test
    void anExpiredLinkAndAnExpiredFileTokenAreRefused() throws Exception {
        // An instance of its own: moving its clock past the tokens' hour must not touch A's or B's signatures.
        MutableClock clock = MutableClock.startingNow();
        try (TestServer c = TestServer.start(DEV, clock)) {
            Api api = c.api();
            String owner = api.createUser(api.adminToken(), "carol", "carol-secret-1");
            Uploads up = new Uploads(api);
            long id = up.upload(owner, "Expiring", 3, clip);
            JsonNode v = up.awaitPublished(owner, id);
            String master = v.get("streamingPlaylists").get(0).get("playlistUrl").asText();
            String variant = firstUri(URI.create(master), api.get(master, owner).text());
            String segment = firstUri(URI.create(variant), api.get(variant, owner).text()).split("\\?")[0];
            String inAMinute = clock.instant().plus(Duration.ofMinutes(1)).toString();
            JsonNode created = api.postJson("/api/v1/videos/" + id + "/share-links", owner, Map.of("expiresAt", inAMinute)).json();
            String t = created.get("shareLink").get("token").asText();
            assertThat(api.get("/api/v1/videos/" + id + "?share=" + t).status()).isEqualTo(200);
            String fileToken = api.postJson("/api/v1/videos/" + id + "/token", owner, Map.of()).json().get("files").get("token").asText();
            assertThat(api.get(withToken(segment, fileToken)).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            assertThat(api.get("/api/v1/videos/" + id + "?share=" + t).status()).isEqualTo(401);
            assertThat(api.get(withToken(segment, fileToken)).status()).isEqualTo(200);
            clock.advance(FileTokens.TTL);
            assertThat(api.get(withToken(segment, fileToken)).status()).isEqualTo(403);
            assertThat(api.get(withToken(master, fileToken)).status()).isEqualTo(403);
        }
    }
}
