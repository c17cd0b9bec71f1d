package org.peerlet.media;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MediaHousekeepingTest {

    @Test
    void anUploadedThumbnailIsKeptScaledAndServedWithCacheHeaders(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            BufferedImage img = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.RED);
            g.fillRect(0, 0, 1600, 900);
            g.dispose();
            Path png = dir.resolve("thumb.png");
            ImageIO.write(img, "png", png.toFile());
            Api.Res r = uploads.multipartWithFiles(admin, Map.of("name", "With a thumbnail", "privacy", 1,
                    "channelId", uploads.channelId(admin)), Map.of("videofile", TestClips.h264Aac(dir.resolve("v.mp4"), 160, 90, 1.0, 10),
                    "thumbnailfile", png));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode v = uploads.awaitPublished(admin, r.json().get("video").get("id").asLong());
            Api.Res thumb = api.get(v.get("thumbnailPath").asText());
            assertThat(thumb.status()).isEqualTo(200);
            assertThat(thumb.header("Cache-Control")).contains("max-age");
            BufferedImage served = ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
            assertThat(served.getWidth()).isEqualTo(Images.THUMBNAIL_WIDTH);
            // The uploader's picture (red), not a frame of the clip.
            assertThat(new Color(served.getRGB(10, 10)).getRed()).isGreaterThan(200);

            Api.Res notAnImage = uploads.multipartWithFiles(admin, Map.of("name", "Bad thumbnail", "channelId",
                    uploads.channelId(admin)), Map.of("videofile", dir.resolve("v.mp4"), "thumbnailfile", dir.resolve("v.mp4")));
            assertThat(notAnImage.status()).isEqualTo(400);
            assertThat(notAnImage.json().get("detail").asText()).contains("thumbnailfile");
        }
    }

    @Test
    void withKeepOriginalOffTheOriginalGoesOnceTheLadderIsPublished(@TempDir Path dir) {
        try (TestServer server = TestServer.start(Map.of("PEERLET_KEEP_ORIGINAL", "false"))) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            long id = uploads.upload(admin, "No original kept", 1, TestClips.h264Aac(dir.resolve("v.mp4"), 160, 90, 1.0, 10));
            uploads.awaitPublished(admin, id);
            assertThat(TestFiles.listFiles(server.dataDir().resolve("originals"))).isEmpty();
            assertThat(TestFiles.listFiles(server.dataDir().resolve("hls"))).isNotEmpty();
        }
    }

    @Test
    void filesLeftByAnInterruptedOperationAreRemovedAtStartAndLiveOnesKept(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            long id = uploads.upload(admin, "Kept", 1, TestClips.h264Aac(dir.resolve("v.mp4"), 160, 90, 1.0, 10));
            uploads.awaitPublished(admin, id);
            var live = TestFiles.listFiles(server.dataDir());
            Path data = server.dataDir();
            String ghost = "00000000-0000-4000-8000-000000000000";
            Files.createDirectories(data.resolve("hls/" + ghost));
            Files.writeString(data.resolve("hls/" + ghost + "/master.m3u8"), "#EXTM3U");
            Files.createDirectories(data.resolve("hls/.work-" + ghost));
            Files.writeString(data.resolve("originals/" + ghost + ".mp4"), "x");
            Files.writeString(data.resolve("thumbnails/" + ghost + ".jpg"), "x");
            Files.writeString(data.resolve("uploads/stray.part"), "x");
            server.restart();
            assertThat(TestFiles.listFiles(data)).containsExactlyInAnyOrderElementsOf(live);
        }
    }

    @Test
    void deletingAUserRemovesTheirMediaAtOnceAndKeepsEveryoneElses(@TempDir Path dir) {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            Uploads uploads = new Uploads(api);
            String admin = api.adminToken();
            Path clip = TestClips.h264Aac(dir.resolve("v.mp4"), 160, 90, 1.0, 10);
            uploads.awaitPublished(admin, uploads.upload(admin, "The admin's", 1, clip));
            var kept = TestFiles.listFiles(server.dataDir());
            String eve = api.createUser(admin, "eve", "eve-secret-1");
            long eveId = api.get("/api/v1/users/me", eve).json().get("id").asLong();
            String first = uploads.awaitPublished(eve, uploads.upload(eve, "Eve's first", 3, clip)).get("uuid").asText();
            String second = uploads.awaitPublished(eve, uploads.upload(eve, "Eve's second", 1, clip)).get("uuid").asText();
            assertThat(TestFiles.listFiles(server.dataDir())).anyMatch(f -> f.contains(first)).anyMatch(f -> f.contains(second))
                    .anyMatch(f -> f.startsWith("originals/")).anyMatch(f -> f.startsWith("previews/" + first));

            assertThat(api.delete("/api/v1/users/" + eveId, admin).status()).isEqualTo(204);
            // At once, not at the next start: HLS, thumbnails, previews and originals of each of her videos.
            assertThat(TestFiles.listFiles(server.dataDir())).containsExactlyInAnyOrderElementsOf(kept);
            assertThat(api.get("/api/v1/videos/" + second).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/users/me", eve).status()).isEqualTo(401);
        }
    }
}
