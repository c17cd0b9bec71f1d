package org.peerlet.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.Uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server whose FFmpeg libraries cannot load (a Raspberry Pi without libva, say) must tell the
 * uploader and the operator why, and keep nothing of the refused upload. Runs the shipped jar
 * with one JNI library taken out, as its own process.
 */
class UploadsSayWhenTheVideoEngineCannotStart {

    @Test
    void anUploadAnswers503NamingTheMissingLibraryAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path jar = withoutEntry(shippedJar(), dir.resolve("peerlet.jar"), "/libjniavutil.so");
        Path clip = TestClips.h264Aac(dir.resolve("clip.mp4"), 160, 90, 1, 25);
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", String.valueOf(port), "--admin-password", "grandma-knits")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PEERLET_"));
        Process p = pb.start();
        try {
            Await.until("the server listens", Duration.ofSeconds(30), () -> {
                assertThat(p.isAlive()).as("the server is running").isTrue();
                return read(dir.resolve("out.log")).contains("listening on");
            });
            Api api = new Api("http://127.0.0.1:" + port);
            String token = api.token("admin", "grandma-knits");
            Uploads uploads = new Uploads(api);
            Api.Res res = uploads.multipart(token, Map.of("channelId", uploads.channelId(token), "name", "Birthday"),
                    clip, "birthday.mp4");

            assertThat(res.status()).isEqualTo(503);
            assertThat(res.json().path("detail").asText())
                    .contains("jniavutil").contains("apt-get install libva2 libva-drm2 libdrm2");
            assertThat(api.get("/api/v1/users/me/videos", token).json().path("total").asInt()).isZero();
            Path data = dir.resolve("data");
            assertThat(Files.list(data.resolve("uploads")).toList()).isEmpty();
            assertThat(Files.list(data.resolve("originals")).toList()).isEmpty();
            // JavaCPP unpacked the libraries it had into the data dir, not into a home or /tmp.
            assertThat(Files.isDirectory(data.resolve("native"))).isTrue();

            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("out.log"))).contains("upload refused: the video engine cannot start");
        } finally {
            p.destroyForcibly();
        }
    }

    /** The jar the tests run against (failsafe puts target/peerlet.jar on the class path). */
    private static Path shippedJar() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(java.io.File.pathSeparator)).map(Path::of)
                .filter(f -> f.getFileName().toString().equals("peerlet.jar")).findFirst()
                .orElseThrow(() -> new AssertionError("target/peerlet.jar is not on the class path: run mvn verify"));
    }

    /**
     * A copy of the jar without one entry, through the zip file system: it keeps the other entries
     * as they are compressed instead of inflating and deflating 40 MB again.
     */
    private static Path withoutEntry(Path from, Path to, String nameEnding) throws Exception {
        Files.copy(from, to);
        try (FileSystem zip = FileSystems.newFileSystem(to); Stream<Path> all = Files.walk(zip.getPath("/"))) {
            List<Path> gone = all.filter(p -> p.toString().endsWith(nameEnding)).toList();
            assertThat(gone).as("entries ending with " + nameEnding).hasSize(1);
            for (Path p : gone) Files.delete(p);
        }
        return to;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
