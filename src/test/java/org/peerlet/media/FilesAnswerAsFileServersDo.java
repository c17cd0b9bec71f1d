package org.peerlet.media;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.FamilyVideos;
import org.peerlet.testing.RawHttp;
import org.peerlet.testing.TestClips;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of media file (segment, init segment, playlist, thumbnail, preview, download) is
 * answered as a file server answers: RFC 9110 byte ranges, validators and conditional requests,
 * HEAD with the GET's headers and no body.
 */
class FilesAnswerAsFileServersDo {
    static FamilyVideos family;
    static RawHttp raw;
    static final Map<String, String> files = new LinkedHashMap<>();
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    @BeforeAll
    static void start() throws Exception {
        family = FamilyVideos.publish("aunt", "Beach", d -> TestClips.h264Aac(d.resolve("beach.mp4"), 426, 240, 3.0, 25));
        Api api = family.api();
        raw = new RawHttp(api.base(), Duration.ofSeconds(5));
        JsonNode v = api.get("/api/v1/videos/" + family.publicId()).json();
        JsonNode playlist = v.get("streamingPlaylists").get(0);
        String master = path(playlist.get("playlistUrl").asText());
        String hlsDir = master.substring(0, master.lastIndexOf('/') + 1);
        files.put("segment", hlsDir + "240-0.m4s");
        files.put("init segment", hlsDir + "240-init.mp4");
        files.put("playlist", hlsDir + "240.m3u8");
        files.put("thumbnail", v.get("thumbnailPath").asText());
        files.put("preview", v.get("previewPath").asText());
        files.put("download", path(playlist.get("files").get(0).get("fileDownloadUrl").asText()));
    }

    @AfterAll
    static void stop() {
        family.close();
    }

    @Test
    void eachFileHasValidatorsAndHeadAnswersWithTheSameHeadersAndNoBody() {
        files.forEach((kind, target) -> {
            RawHttp.Res get = send("GET", target);
            assertThat(get.status()).as(kind).isEqualTo(200);
            assertThat(get.header("ETag")).as(kind).matches("\"[0-9a-f]+-[0-9a-f]+\"");
            assertThat(get.header("Last-Modified")).as(kind).endsWith(" GMT");
            assertThat(get.header("Accept-Ranges")).as(kind).isEqualTo("bytes");
            assertThat(Long.parseLong(get.header("Content-Length"))).as(kind).isEqualTo(get.body().length);
            RawHttp.Res head = send("HEAD", target);
            assertThat(head.status()).as(kind).isEqualTo(200);
            assertThat(head.body()).as(kind).isEmpty();
            for (String h : List.of("ETag", "Last-Modified", "Content-Length", "Content-Type", "Cache-Control")) {
                assertThat(head.header(h)).as(kind + " " + h).isEqualTo(get.header(h));
            }
        });
    }

    @Test
    void rangesAreTheRightBytesOrA416OrTheWholeFile() {
        files.forEach((kind, target) -> {
            byte[] whole = send("GET", target).body();
            int size = whole.length;
            assertThat(size).as(kind).isGreaterThan(200);
            expectPart(kind, target, "bytes=0-9", whole, 0, 9);
            expectPart(kind, target, "bytes=0-", whole, 0, size - 1);
            expectPart(kind, target, "bytes=100-", whole, 100, size - 1);
            expectPart(kind, target, "bytes=-100", whole, size - 100, size - 1);
            expectPart(kind, target, "bytes=5-" + (size + 1000), whole, 5, size - 1);
            for (String beyond : List.of("bytes=999999999-", "bytes=" + size + "-", "bytes=-0", "bytes=99999999999999999999999-")) {
                RawHttp.Res r = send("GET", target, "Range: " + beyond);
                assertThat(r.status()).as(kind + " " + beyond).isEqualTo(416);
                assertThat(r.header("Content-Range")).as(kind + " " + beyond).isEqualTo("bytes */" + size);
                assertThat(r.millis()).as(kind + " " + beyond + " answers at once").isLessThan(1000);
            }
            for (String ignored : List.of("bytes=5-1", "bytes=abc", "bytes=", "items=0-5", "bytes=0-1,4-5", "bytes=--1")) {
                RawHttp.Res r = send("GET", target, "Range: " + ignored);
                assertThat(r.status()).as(kind + " " + ignored).isEqualTo(200);
                assertThat(r.body()).as(kind + " " + ignored).isEqualTo(whole);
            }
        });
    }

    @Test
    void conditionalRequestsAnswer304Or412AndIfRangeNamesTheVersion() {
        files.forEach((kind, target) -> {
            RawHttp.Res get = send("GET", target);
            String etag = get.header("ETag");
            String modified = get.header("Last-Modified");
            String before = HTTP_DATE.format(ZonedDateTime.parse(modified, HTTP_DATE).minusDays(1));
            for (String method : List.of("GET", "HEAD")) {
                for (String h : List.of("If-None-Match: " + etag, "If-None-Match: \"other\", W/" + etag, "If-None-Match: *",
                        "If-Modified-Since: " + modified)) {
                    RawHttp.Res r = send(method, target, h);
                    assertThat(r.status()).as(kind + " " + method + " " + h).isEqualTo(304);
                    assertThat(r.body()).as(kind + " " + h).isEmpty();
                    assertThat(r.header("ETag")).as(kind + " " + h).isEqualTo(etag);
                }
            }
            assertThat(send("GET", target, "If-None-Match: \"other\"").status()).as(kind).isEqualTo(200);
            assertThat(send("GET", target, "If-Modified-Since: " + before).status()).as(kind).isEqualTo(200);
            assertThat(send("GET", target, "If-Modified-Since: not a date").status()).as(kind).isEqualTo(200);
            // If-None-Match wins over If-Modified-Since.
            assertThat(send("GET", target, "If-None-Match: \"other\"", "If-Modified-Since: " + modified).status()).as(kind).isEqualTo(200);
            assertThat(send("GET", target, "If-Match: \"other\"").status()).as(kind).isEqualTo(412);
            assertThat(send("GET", target, "If-Match: " + etag).status()).as(kind).isEqualTo(200);
            assertThat(send("GET", target, "If-Unmodified-Since: " + before).status()).as(kind).isEqualTo(412);

            assertThat(send("GET", target, "Range: bytes=0-9", "If-Range: " + etag).status()).as(kind).isEqualTo(206);
            assertThat(send("GET", target, "Range: bytes=0-9", "If-Range: " + modified).status()).as(kind).isEqualTo(206);
            RawHttp.Res changed = send("GET", target, "Range: bytes=0-9", "If-Range: \"other\"");
            assertThat(changed.status()).as(kind).isEqualTo(200);
            assertThat(changed.body()).as(kind).isEqualTo(get.body());
            assertThat(send("GET", target, "Range: bytes=0-9", "If-Range: W/" + etag).status()).as(kind).isEqualTo(200);
            assertThat(send("GET", target, "Range: bytes=0-9", "If-Range: " + before).status()).as(kind).isEqualTo(200);
        });
    }

    private static void expectPart(String kind, String target, String range, byte[] whole, int first, int last) {
        RawHttp.Res r = send("GET", target, "Range: " + range);
        assertThat(r.status()).as(kind + " " + range).isEqualTo(206);
        assertThat(r.header("Content-Range")).as(kind + " " + range).isEqualTo("bytes " + first + "-" + last + "/" + whole.length);
        assertThat(r.body()).as(kind + " " + range).isEqualTo(Arrays.copyOfRange(whole, first, last + 1));
    }

    private static RawHttp.Res send(String method, String target, String... headers) {
        return raw.send(method, target, List.of(headers), new byte[0]);
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }
}
