package org.peerlet.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seek bar's storyboard, made in the transcode's own decode: PeerTube's sizes and grid, and
 * each sprite the picture at its own second (the test clip's bright box moves 120 px a second).
 */
class StoryboardsTest {
    static TestServer server;
    static Api api;
    static Path dir;
    static String alice;
    static long twelveSeconds;
    static long twoSeconds;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        api = server.api();
        alice = api.createUser(api.adminToken(), "alice", "alice-secret-1");
        dir = Files.createTempDirectory("storyboards");
        Uploads up = new Uploads(api);
        twelveSeconds = up.upload(alice, "Twelve seconds", 1, TestClips.h264Aac(dir.resolve("long.mp4"), 320, 180, 12.0, 15));
        twoSeconds = up.upload(alice, "Two seconds", 1, TestClips.h264Aac(dir.resolve("short.mp4"), 320, 180, 2.0, 15));
        up.awaitPublished(alice, twelveSeconds);
        up.awaitPublished(alice, twoSeconds);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (dir != null) TestFiles.deleteRecursively(dir);
    }

    @Test
    void aSpriteASecondInRowsOfElevenEachShowingItsOwnSecond() throws Exception {
        Api.Res r = api.get("/api/v1/videos/" + twelveSeconds + "/storyboards");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode s = r.json().get("storyboards");
        assertThat(s).hasSize(1);
        JsonNode board = s.get(0);
        assertThat(board.get("spriteWidth").asInt()).isEqualTo(192);
        assertThat(board.get("spriteHeight").asInt()).isEqualTo(108);
        assertThat(board.get("spriteDuration").asInt()).isEqualTo(1);
        assertThat(board.get("totalWidth").asInt()).isEqualTo(11 * 192);
        assertThat(board.get("totalHeight").asInt()).isEqualTo(2 * 108);

        Api.Res file = api.get(board.get("storyboardPath").asText());
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("image/jpeg");
        BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(file.bytes()));
        assertThat(sheet.getWidth()).isEqualTo(11 * 192);
        assertThat(sheet.getHeight()).isEqualTo(2 * 108);
        for (int second = 0; second < 12; second++) {
            // The clip's box: 80x60 at x = (frame * 8) mod 240, y = 60; a sprite is 0.6 of the clip.
            int boxX = (second * 15 * 8) % 240;
            int x0 = (second % 11) * 192 + (int) (boxX * 0.6);
            int y0 = (second / 11) * 108 + 36;
            assertThat(meanLuma(sheet, x0 + 4, y0 + 4, 40, 28)).as("the box of second %d", second).isGreaterThan(225);
            int elsewhere = (second % 11) * 192 + (boxX == 0 ? 120 : 0);
            assertThat(meanLuma(sheet, elsewhere + 4, y0 + 4, 40, 28)).as("no box beside it at second %d", second).isLessThan(215);
        }
    }

    @Test
    void aVideoUnderThreeSecondsHasNone() {
        Api.Res r = api.get("/api/v1/videos/" + twoSeconds + "/storyboards");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("storyboards")).isEmpty();
        String uuid = api.get("/api/v1/videos/" + twoSeconds).json().get("uuid").asText();
        assertThat(api.get("/lazy-static/storyboards/" + uuid + ".jpg").status()).isEqualTo(404);
    }

    @Test
    void theConfigSaysStoryboardsAreMade() {
        assertThat(api.get("/api/v1/config").json().at("/storyboards/enabled").asBoolean()).isTrue();
    }

    private static double meanLuma(BufferedImage img, int x0, int y0, int w, int h) {
        double sum = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = img.getRGB(x, y);
                sum += 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
            }
        }
        return sum / (w * h);
    }
}
