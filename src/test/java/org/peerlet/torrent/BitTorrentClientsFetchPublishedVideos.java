package org.peerlet.torrent;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.FamilyVideos;
import org.peerlet.testing.Sql;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;
import org.peerlet.tracker.InfoHashes;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each published rung has a .torrent that an independent BitTorrent client (Debian's aria2)
 * reads and completes from the web seed alone, with the same bytes as the download; a
 * restricted video's torrent and web seed open only with a file token.
 */
class BitTorrentClientsFetchPublishedVideos {
    static FamilyVideos family;
    static Api api;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        // Several seconds of 2 s segments, so the download spans init and media segments and many pieces.
        family = FamilyVideos.publish("aunt", "Picnic: \"at the lake\"", d -> TestClips.h264Aac(d.resolve("picnic.mp4"), 320, 180, 6.0, 25));
        api = family.api();
        dir = family.dir();
    }

    @AfterAll
    static void stop() {
        family.close();
    }

    @Test
    void aPublicVideosTorrentCompletesFromItsWebSeedWithTheDownloadsBytes() throws Exception {
        JsonNode file = api.get("/api/v1/videos/" + family.publicId()).json().get("streamingPlaylists").get(0).get("files").get(0);
        String torrentUrl = file.get("torrentUrl").asText();
        assertThat(torrentUrl).matches(".*/lazy-static/torrents/[0-9a-f-]{36}-180-hls\\.torrent");
        assertThat(file.get("torrentDownloadUrl").asText()).endsWith(torrentUrl.replaceFirst(".*/lazy-static/", "/download/"));
        Api.Res torrent = api.get(torrentUrl);
        assertThat(torrent.status()).isEqualTo(200);
        assertThat(torrent.header("Content-Type")).isEqualTo("application/x-bittorrent");
        assertThat(api.get(file.get("torrentDownloadUrl").asText()).header("Content-Disposition")).startsWith("attachment");

        Path t = dir.resolve("public.torrent");
        Files.write(t, torrent.bytes());
        String shown = aria2("--show-files=true", t.toString());
        assertThat(infoHash(shown)).isEqualTo(btih(file.get("magnetUri").asText()));
        assertThat(shown).contains("Picnic- -at the lake- 180p.mp4");

        byte[] download = api.get(file.get("fileDownloadUrl").asText()).bytes();
        assertThat(fetch(t, "public")).isEqualTo(download);
    }

    @Test
    void thePublishedFilesListTheSameTorrentForPeerTubesClients() {
        JsonNode v = api.get("/api/v1/videos/" + family.publicId()).json();
        JsonNode web = v.get("files").get(0);
        JsonNode hls = v.get("streamingPlaylists").get(0).get("files").get(0);
        for (String field : List.of("torrentUrl", "torrentDownloadUrl", "magnetUri", "fileDownloadUrl", "size")) {
            assertThat(web.get(field)).as(field).isEqualTo(hls.get(field));
        }
        assertThat(web.get("fileUrl").asText()).isEqualTo(hls.get("fileDownloadUrl").asText());
        String magnet = web.get("magnetUri").asText();
        assertThat(magnet).startsWith("magnet:?").contains("&dn=").contains("&tr=ws%3A%2F%2F").contains("&ws=http");
        assertThat(btih(magnet)).matches("[0-9a-f]{40}");
    }

    /** Another instance, or any client reading ActivityPub, finds each rung's torrent and magnet where PeerTube puts them. */
    @Test
    void theActivityPubVideoCarriesTheTorrentsAndMagnetsAsPeerTubesDo() {
        JsonNode v = api.get("/api/v1/videos/" + family.publicId()).json();
        Api.Res r = api.send(api.request(v.get("url").asText(), null).header("Accept", "application/activity+json").GET());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode hls = null;
        for (JsonNode link : r.json().get("url")) {
            if ("application/x-mpegURL".equals(link.path("mediaType").asText())) hls = link;
        }
        assertThat(hls).as("the HLS link of " + r.text()).isNotNull();
        for (JsonNode file : v.get("streamingPlaylists").get(0).get("files")) {
            int height = file.get("height").asInt();
            List<JsonNode> sized = new ArrayList<>();
            List<String> infohashes = new ArrayList<>();
            for (JsonNode t : hls.get("tag")) {
                if (t.path("height").asInt() == height) sized.add(t);
                if ("Infohash".equals(t.path("type").asText())) infohashes.add(t.get("name").asText());
            }
            assertThat(hrefOf(sized, "application/x-bittorrent")).isEqualTo(file.get("torrentUrl").asText());
            assertThat(hrefOf(sized, "application/x-bittorrent;x-scheme-handler/magnet")).isEqualTo(file.get("magnetUri").asText());
            assertThat(infohashes).contains(btih(file.get("magnetUri").asText()));
            JsonNode metadata = sized.stream().filter(t -> t.path("rel").path(0).asText().equals("metadata")).findFirst().orElseThrow();
            assertThat(metadata.get("href").asText()).isEqualTo(file.get("metadataUrl").asText());
            assertThat(api.get(metadata.get("href").asText()).json().get("streams").get(0).get("height").asInt()).isEqualTo(height);
        }
    }

    private static String hrefOf(List<JsonNode> links, String mediaType) {
        return links.stream().filter(t -> mediaType.equals(t.path("mediaType").asText())).map(t -> t.get("href").asText())
                .findFirst().orElseThrow(() -> new AssertionError("no " + mediaType + " link among " + links));
    }

    @Test
    void aPrivateVideosTorrentAndWebSeedOpenOnlyWithAFileToken() throws Exception {
        JsonNode file = api.get("/api/v1/videos/" + family.privateId(), family.owner()).json().get("streamingPlaylists").get(0).get("files").get(0);
        String torrentUrl = file.get("torrentUrl").asText();
        String seed = file.get("fileDownloadUrl").asText();
        assertThat(api.get(torrentUrl).status()).isEqualTo(404);
        assertThat(api.get(torrentUrl, family.cousin()).status()).isEqualTo(404);
        assertThat(api.get(file.get("torrentDownloadUrl").asText()).status()).isEqualTo(404);
        assertThat(api.get(seed).status()).isEqualTo(404);
        assertThat(api.get(seed + "?videoFileToken=1.2.3.forged").status()).isIn(403, 404);
        // Its metadata too: only for those who may watch it.
        assertThat(api.get(file.get("metadataUrl").asText()).status()).isIn(401, 403, 404);
        assertThat(api.get(file.get("metadataUrl").asText(), family.cousin()).status()).isIn(403, 404);
        assertThat(api.get(file.get("metadataUrl").asText(), family.owner()).status()).isEqualTo(200);

        Api.Res torrent = api.get(torrentUrl + "?videoFileToken=" + family.fileToken(family.privateId()));
        assertThat(torrent.status()).isEqualTo(200);
        assertThat(torrent.header("Cache-Control")).isEqualTo("private, no-store");
        Path t = dir.resolve("private.torrent");
        Files.write(t, torrent.bytes());
        String shown = aria2("--show-files=true", t.toString());
        String hash = infoHash(shown);
        assertThat(hash).isEqualTo(btih(file.get("magnetUri").asText()));
        // Its announce carries the token too: WebTorrent peers may join the video's restricted swarm.
        String announce = shown.replaceFirst("(?s).*Announce:\\s*(\\S+).*", "$1");
        assertThat(announce).contains("/tracker/socket?token=");
        String socketToken = URLDecoder.decode(announce.replaceFirst(".*[?&]token=", ""), StandardCharsets.UTF_8);
        assertThat(family.server().app().knownSwarms().admits(InfoHashes.fromHex(hash), socketToken)).isTrue();
        assertThat(family.server().app().knownSwarms().admits(InfoHashes.fromHex(hash), null)).isFalse();
        assertThat(fetch(t, "private")).isEqualTo(api.get(seed + "?videoFileToken=" + family.fileToken(family.privateId())).bytes());
    }

    @Test
    void videosPublishedBeforeTorrentsExistedGetThemAtStart() throws Exception {
        long id = new Uploads(api).upload(family.owner(), "Old one", 1, dir.resolve("picnic.mp4"));
        new Uploads(api).awaitPublished(family.owner(), id);
        String before = api.get("/api/v1/videos/" + id).json().get("files").get(0).get("magnetUri").asText();
        String uuid = api.get("/api/v1/videos/" + id).json().get("uuid").asText();
        // As an older Peerlet left it: no torrent file, no info-hash in the ladder.
        Path db = family.server().dataDir().resolve("peerlet.db");
        String hls = Sql.text(db, "SELECT hls FROM videos WHERE id = ?", id);
        assertThat(Sql.update(db, "UPDATE videos SET hls = ? WHERE id = ?", hls.replaceAll(",\"infoHash\":\"[0-9a-f]{40}\"", ""), id))
                .isEqualTo(1);
        try (Stream<Path> files = Files.list(family.server().dataDir().resolve("hls").resolve(uuid))) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains("torrent")).toList()) Files.delete(f);
        }
        family.server().restart();

        Await.until("its torrent is made again", Duration.ofSeconds(30),
                () -> !api.get("/api/v1/videos/" + id).json().get("files").get(0).get("torrentUrl").isNull());
        assertThat(api.get("/api/v1/videos/" + id).json().get("files").get(0).get("magnetUri").asText()).isEqualTo(before);
        assertThat(api.get(api.get("/api/v1/videos/" + id).json().get("files").get(0).get("torrentUrl").asText()).status())
                .isEqualTo(200);
    }

    /** aria2 with only the web seed to go on (no DHT, no local discovery; our tracker is WebSocket, which it skips). */
    private static byte[] fetch(Path torrent, String into) throws Exception {
        Path out = Files.createDirectories(dir.resolve(into));
        aria2("--dir=" + out, "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
                "--enable-peer-exchange=false", "--seed-time=0", "--bt-stop-timeout=30", "--check-integrity=true",
                "--allow-overwrite=true", "--summary-interval=0", "--console-log-level=warn", torrent.toString());
        try (Stream<Path> files = Files.list(out)) {
            List<Path> got = files.filter(Files::isRegularFile).toList();
            assertThat(got).as("files aria2 completed").hasSize(1);
            return Files.readAllBytes(got.get(0));
        }
    }

    private static String aria2(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("aria2c"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "aria2-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("aria2 ended in time:\n" + text).isTrue();
        assertThat(p.exitValue()).as("aria2 said:\n" + text).isZero();
        return text;
    }

    private static String infoHash(String aria2Shown) {
        Matcher m = Pattern.compile("Info Hash: ([0-9a-f]{40})").matcher(aria2Shown);
        assertThat(m.find()).as(aria2Shown).isTrue();
        return m.group(1);
    }

    private static String btih(String magnet) {
        Matcher m = Pattern.compile("xt=urn:btih:([0-9a-f]{40})").matcher(magnet);
        assertThat(m.find()).as(magnet).isTrue();
        return m.group(1);
    }
}
