package org.peerlet.upload;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.PeerletProcess;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.Uploads;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 right after a resumable upload's last byte reached the disk, before a video was made
 * of it: the next start makes the video, and the uploader asking where it stands gets it.
 */
class AKilledUploadBecomesAVideoAtTheNextStart {
    static final int CHUNK = 16 * 1024;

    @Test
    void killedAfterTheLastByteTheUploadIsAVideoAfterTheRestart(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        byte[] bytes = Files.readAllBytes(TestClips.h264Aac(dir.resolve("clip.mp4"), 320, 180, 2.0, 15));
        Path data = dir.resolve("data");
        PeerletProcess first = PeerletProcess.start(dir, port);
        Api api = first.api();
        Uploads uploads = new Uploads(api);
        String token = api.token("admin", PeerletProcess.ADMIN_PASSWORD);
        String location = uploads.startResumable(token, bytes.length, Map.of("name", "Cut short", "filename", "cut.mp4",
                "channelId", uploads.channelId(token), "privacy", 1)).header("Location");
        Path part = data.resolve("uploads/" + location.replaceFirst(".*upload_id=", "") + ".part");
        long last = bytes.length - CHUNK;
        for (long from = 0; from < last; from += CHUNK) {
            assertThat(uploads.putChunk(token, location, bytes, from, Math.min(last, from + CHUNK) - 1).status()).isEqualTo(308);
        }
        // The last chunk: once its bytes are on disk, Peerlet probes the file before it makes the
        // video (its first probe loads FFmpeg's libraries). The kill lands in that gap.
        CompletableFuture<Api.Res> lastChunk = CompletableFuture.supplyAsync(
                () -> uploads.putChunk(token, location, bytes, last, bytes.length - 1));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Await.sizeOf(part) >= 0 && Await.sizeOf(part) < bytes.length && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            first.kill();
        }
        // What the kill left: every byte, no video, the session still waiting for its end.
        assertThat(Await.sizeOf(part)).as("the part file, after the kill").isEqualTo(bytes.length);
        assertThat(TestFiles.listFiles(data.resolve("originals"))).as("the kill came after the video was made").isEmpty();
        assertThat(sessionVideoId(data)).isZero();
        assertThat(lastChunk.handle((r, e) -> e).get()).as("the last chunk had no answer").isNotNull();

        try (PeerletProcess second = PeerletProcess.start(dir, port)) {
            String again = second.api().token("admin", PeerletProcess.ADMIN_PASSWORD);
            // Made at start, before anyone asked.
            JsonNode mine = second.api().get("/api/v1/users/me/videos", again).json().get("data");
            assertThat(mine).hasSize(1);
            Api.Res stand = new Uploads(second.api()).whereDoesItStand(again, location, bytes.length);
            assertThat(stand.status()).as(stand.toString()).isEqualTo(200);
            JsonNode video = stand.json().get("video");
            assertThat(video.get("id").asLong()).isEqualTo(mine.get(0).get("id").asLong());
            assertThat(Files.readAllBytes(data.resolve("originals/" + video.get("uuid").asText() + ".mp4"))).isEqualTo(bytes);
            assertThat(TestFiles.listFiles(data.resolve("uploads"))).isEmpty();
            new Uploads(second.api()).awaitPublished(again, video.get("id").asLong());
        }
    }

    /** The one upload session's video id as stored (0 while none was made). */
    private static long sessionVideoId(Path data) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("peerlet.db"));
             var rs = c.createStatement().executeQuery("SELECT count(*), coalesce(max(video_id), 0) FROM upload_sessions")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            return rs.getLong(2);
        }
    }
}
