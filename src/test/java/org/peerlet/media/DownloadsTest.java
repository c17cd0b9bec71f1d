package org.peerlet.media;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.FamilyVideos;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;
import org.peerlet.transcode.FfmpegEngine;
import org.peerlet.transcode.ProbeResult;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** A video's best rung downloads as one MP4 that plays, to whoever may watch it and is allowed to keep it. */
class DownloadsTest {
    static FamilyVideos family;
    static Api api;
    static String owner;
    static long publicId;
    static long privateId;

    @BeforeAll
    static void start() throws Exception {
        family = FamilyVideos.publish("grandpa", "Garden, été 2026", d -> TestClips.h264Aac(d.resolve("garden.mp4"), 192, 108, 1.0, 15));
        api = family.api();
        owner = family.owner();
        publicId = family.publicId();
        privateId = family.privateId();
    }

    @AfterAll
    static void stop() {
        family.close();
    }

    @Test
    void aVideoDownloadsAsOneMp4ThatPlaysWithItsNameOnIt() throws Exception {
        String url = downloadUrl(publicId, null);
        assertThat(URI.create(url).getPath()).matches("/download/streaming-playlists/hls/videos/[0-9a-f-]{36}-108-fragmented\\.mp4");
        Api.Res r = api.get(url);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(Long.parseLong(r.header("Content-Length"))).isEqualTo(r.bytes().length);
        assertThat(r.header("Content-Disposition"))
                .startsWith("attachment; filename=\"Garden_ _t_ 2026 108p.mp4\"")
                .endsWith("filename*=UTF-8''Garden%2C%20%C3%A9t%C3%A9%202026%20108p.mp4");

        Path file = family.dir().resolve("downloaded.mp4");
        Files.write(file, r.bytes());
        ProbeResult p = new FfmpegEngine().probe(file);
        assertThat(p.hasVideo()).isTrue();
        assertThat(p.hasAudio()).isTrue();
        assertThat(p.width()).isEqualTo(192);
        assertThat(p.height()).isEqualTo(108);
        assertThat(p.durationSeconds()).isCloseTo(1.0, offset(0.2));
    }

    /** What BitTorrent web seeds and seeking players ask: any span, also across the init segment and the segments after it. */
    @Test
    void aRangeOfTheDownloadIsExactlyThoseBytes() {
        String url = downloadUrl(publicId, null);
        byte[] whole = api.get(url).bytes();
        assertThat(api.get(url).header("Accept-Ranges")).isEqualTo("bytes");
        int from = 700, to = whole.length - 3;
        Api.Res part = api.send(api.request(url, null).header("Range", "bytes=" + from + "-" + to).GET());
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes " + from + "-" + to + "/" + whole.length);
        assertThat(part.bytes()).isEqualTo(java.util.Arrays.copyOfRange(whole, from, to + 1));
        Api.Res tail = api.send(api.request(url, null).header("Range", "bytes=-100").GET());
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.bytes()).isEqualTo(java.util.Arrays.copyOfRange(whole, whole.length - 100, whole.length));
        Api.Res past = api.send(api.request(url, null).header("Range", "bytes=" + whole.length + "-").GET());
        assertThat(past.status()).isEqualTo(416);
        assertThat(past.header("Content-Range")).isEqualTo("bytes */" + whole.length);
    }

    @Test
    void aPrivateVideoDownloadsOnlyWithAFileTokenOfSomeoneAllowedToWatchIt() {
        String url = downloadUrl(privateId, owner);
        assertThat(api.get(url).status()).isEqualTo(404);
        assertThat(api.get(url, family.cousin()).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/videos/" + privateId + "/token", family.cousin(), Map.of()).status()).isEqualTo(403);
        String token = family.fileToken(privateId);
        assertThat(api.get(url + "?videoFileToken=" + token).status()).isEqualTo(200);
        assertThat(api.get(url + "?videoFileToken=" + token.substring(0, token.length() - 2) + "xx").status()).isIn(403, 404);
    }

    @Test
    void withDownloadsTurnedOffOnlyTheOwnerMayKeepACopy() {
        long id = new Uploads(api).upload(owner, "Not for keeping", 1, family.dir().resolve("garden.mp4"));
        new Uploads(api).awaitPublished(owner, id);
        assertThat(api.putJson("/api/v1/videos/" + id, owner, Map.of("downloadEnabled", false)).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + id).json().get("downloadEnabled").asBoolean()).isFalse();
        String url = downloadUrl(id, null);
        Api.Res refused = api.get(url);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).isEqualTo("Video download is disabled");
        assertThat(api.get(url, family.cousin()).status()).isEqualTo(403);
        assertThat(api.get(url, owner).status()).isEqualTo(200);
    }

    @Test
    void namesThatAreNotARungOfAVideoAreNotFound() {
        String url = downloadUrl(publicId, null);
        assertThat(api.get(url.replace("-108-", "-720-")).status()).isEqualTo(404);
        assertThat(api.get(url.replace("-fragmented.mp4", "-fragmented.mp4.m3u8")).status()).isEqualTo(404);
        assertThat(api.get("/download/streaming-playlists/hls/videos/..%2F..%2Fpeerlet.db").status()).isEqualTo(404);
        assertThat(api.get("/download/streaming-playlists/hls/videos/00000000-0000-0000-0000-000000000000-108-fragmented.mp4")
                .status()).isEqualTo(404);
    }

    private static String downloadUrl(long id, String token) {
        JsonNode v = api.get("/api/v1/videos/" + id, token).json();
        return v.get("streamingPlaylists").get(0).get("files").get(0).get("fileDownloadUrl").asText();
    }
}
