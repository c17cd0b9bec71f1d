package org.peerlet.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.PeerletProcess;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code log_level} and {@code log_levels} set what the jar logs, one line per event; a bad entry stops it with one line. */
class LogLevelsAreSettable {

    @Test
    void aQuietInstanceLogsOnlyWhatItWasAskedFor(@TempDir Path dir) throws Exception {
        Path clip = TestClips.h264Aac(dir.resolve("clip.mp4"), 320, 240, 1.0, 25);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (PeerletProcess server = PeerletProcess.start(dir, port, cmd -> cmd, "--log-level", "warn",
                "--log-levels", "upload=info", "--transcoding-resolutions", "240")) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.token("admin", PeerletProcess.ADMIN_PASSWORD);
            long id = uploads.upload(admin, "Quiet", 1, clip);
            uploads.awaitPublished(admin, id);
            Api.Res broken = uploads.multipart(admin, Map.of("name", "Broken", "channelId", uploads.channelId(admin)),
                    TestClips.notAVideo(dir.resolve("broken.mp4")), "broken.mp4");
            assertThat(broken.status()).isEqualTo(422);
        }
        String log = logOf(dir);
        assertThat(log).contains("[INFO] upload - video ").contains(" uploaded by admin");
        assertThat(log).as("transcode's info lines are below warn").doesNotContain("transcoded to");
        assertThat(log).as("the access log's API lines are info").doesNotContain("POST /api/v1/videos/upload");
        assertThat(log).as("an expected error has no stack trace").doesNotContain("\tat ");
    }

    @Test
    void aBadLevelStopsStartUpWithOneLine(@TempDir Path dir) throws Exception {
        Process p = PeerletProcess.java(dir, "--data-dir", dir.resolve("data").toString(), "--log-levels", "upload:loud").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.strip().lines()).hasSize(1);
        assertThat(out).contains("log_levels").contains("upload:loud");
    }

    private static String logOf(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path f : logs.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) sb.append(Files.readString(f));
        }
        return sb.toString();
    }
}
