package org.peerlet.media;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.BusyThreads;
import org.peerlet.testing.OddHeaders;
import org.peerlet.testing.RawHttp;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever headers a visitor sends to a media file or the API, they get an answer (never a 5xx)
 * and no thread keeps working on them afterwards; byte ranges follow RFC 9110.
 */
class OddHeadersNeverTieUpTheServer {
    static TestServer server;
    static Api api;
    static RawHttp raw;
    static Path dir;
    static List<String> targets = new ArrayList<>();
    static String thumbnail;
    static String segment;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        raw = new RawHttp(api.base(), Duration.ofSeconds(5));
        Uploads uploads = new Uploads(api);
        String owner = api.createUser(api.adminToken(), "uncle", "uncle-secret");
        dir = Files.createTempDirectory("odd-headers");
        long id = uploads.upload(owner, "Picnic", 1, TestClips.h264Aac(dir.resolve("picnic.mp4"), 192, 108, 1.0, 15));
        JsonNode v = uploads.awaitPublished(owner, id);
        JsonNode playlist = v.get("streamingPlaylists").get(0);
        String master = path(playlist.get("playlistUrl").asText());
        String hlsDir = master.substring(0, master.lastIndexOf('/') + 1);
        thumbnail = v.get("thumbnailPath").asText();
        segment = hlsDir + "108-0.m4s";
        targets.addAll(List.of(thumbnail, v.get("previewPath").asText(), master, hlsDir + "108.m3u8",
                hlsDir + "108-init.mp4", segment, path(playlist.get("segmentsSha256Url").asText()),
                path(playlist.get("files").get(0).get("fileDownloadUrl").asText()),
                "/api/v1/videos", "/api/v1/videos/" + id, "/api/v1/config", "/api/v1/users/me", "/",
                "/w/" + v.get("shortUUID").asText()));
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(dir);
    }

    @Test
    void byteRangesAreAnsweredAsRfc9110Says() throws Exception {
        byte[] whole = api.get(segment).bytes();
        long size = whole.length;
        assertThat(size).isGreaterThan(20);

        RawHttp.Res first = range(segment, "bytes=0-9");
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-9/" + size);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(whole, 0, 10));

        RawHttp.Res fromMiddle = range(segment, "bytes=10-");
        assertThat(fromMiddle.status()).isEqualTo(206);
        assertThat(fromMiddle.header("Content-Range")).isEqualTo("bytes 10-" + (size - 1) + "/" + size);
        assertThat(fromMiddle.body()).isEqualTo(Arrays.copyOfRange(whole, 10, (int) size));

        RawHttp.Res suffix = range(segment, "bytes=-7");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(whole, (int) size - 7, (int) size));

        RawHttp.Res pastTheEnd = range(segment, "bytes=5-99999999999999999999999");
        assertThat(pastTheEnd.status()).isEqualTo(206);
        assertThat(pastTheEnd.header("Content-Range")).isEqualTo("bytes 5-" + (size - 1) + "/" + size);

        for (String beyond : List.of("bytes=999999999-", "bytes=" + size + "-", "bytes=-0", "bytes=99999999999999999999999-")) {
            RawHttp.Res r = range(segment, beyond);
            assertThat(r.status()).as(beyond).isEqualTo(416);
            assertThat(r.header("Content-Range")).as(beyond).isEqualTo("bytes */" + size);
        }
        // Malformed, inverted, other units, several ranges: the Range header is ignored.
        for (String ignored : List.of("bytes=5-1", "bytes=abc", "bytes=", "items=0-1", "bytes=0-1,4-5", "bytes=--1")) {
            RawHttp.Res r = range(segment, ignored);
            assertThat(r.status()).as(ignored).isEqualTo(200);
            assertThat(r.body()).as(ignored).isEqualTo(whole);
        }
    }

    @Test
    void everyOddHeaderIsAnsweredAndNoThreadKeepsWorkingOnIt() {
        List<String> failures = new ArrayList<>();
        for (String target : targets) {
            for (String header : OddHeaders.all()) {
                try {
                    RawHttp.Res r = raw.send("GET", target, List.of(header), new byte[0]);
                    if (r.status() < 200 || r.status() >= 500) failures.add(r.status() + " for " + target + " with " + header);
                } catch (RawHttp.Hang e) {
                    failures.add(e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
        BusyThreads.awaitIdle(Duration.ofSeconds(10));
        assertThat(api.get("/api/v1/config").status()).isEqualTo(200);
        assertThat(api.get(thumbnail).status()).isEqualTo(200);
    }

    private static RawHttp.Res range(String target, String range) {
        return raw.send("GET", target, List.of("Range: " + range), new byte[0]);
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }
}
