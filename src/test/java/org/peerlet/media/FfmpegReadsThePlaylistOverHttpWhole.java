package org.peerlet.media;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;
import org.peerlet.transcode.FfmpegEngine;
import org.peerlet.transcode.ProbeResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * What mpv and VLC do (both read HLS with FFmpeg's HTTP client, which asks each file with
 * {@code Range: bytes=0-}): Debian's ffmpeg reads a video's master playlist over HTTP and copies
 * every segment whole, with nothing to complain about.
 */
class FfmpegReadsThePlaylistOverHttpWhole {
    @Test
    void ffmpegCopiesTheWholeVideoFromTheMasterPlaylistWithoutAWarning() throws Exception {
        Path dir = Files.createTempDirectory("ffmpeg-reads");
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String owner = api.createUser(api.adminToken(), "mpv_fan", "mpv-fan-secret");
            long id = uploads.upload(owner, "Lake", 1, TestClips.h264Aac(dir.resolve("lake.mp4"), 426, 240, 5.0, 25));
            JsonNode v = uploads.awaitPublished(owner, id);
            String master = v.get("streamingPlaylists").get(0).get("playlistUrl").asText();

            Path copy = dir.resolve("copy.mp4");
            Path log = dir.resolve("ffmpeg.log");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-v", "warning", "-i", master,
                    "-map", "0", "-c", "copy", "-y", copy.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg ends").isTrue();
            String said = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ffmpeg.exitValue()).as(said).isZero();
            assertThat(said).doesNotContainIgnoringCase("prematurely").doesNotContainIgnoringCase("error");

            ProbeResult p = new FfmpegEngine().probe(copy);
            assertThat(p.hasVideo()).isTrue();
            assertThat(p.hasAudio()).isTrue();
            assertThat(p.durationSeconds()).isCloseTo(5.0, offset(0.3));
        } finally {
            TestFiles.deleteRecursively(dir);
        }
    }
}
