package org.peerlet.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web uploader when Peerlet stopped right after the last byte of an upload and before the
 * video was made: the page's last chunk never got its answer, Peerlet starts again, and the
 * uploader, asking where the upload stands, ends with the video rather than an error.
 */
class UploaderGetsTheVideoOfAnUploadCutAfterItsLastByte extends BrowserPages {
    static final int CHUNK = 16 * 1024;

    @BeforeAll
    static void start() throws Exception {
        startServer("uploader-cut");
        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    @Test
    void theUploaderEndsWithTheVideo() throws Exception {
        Path clip = TestClips.h264Aac(work.resolve("cut.mp4"), 320, 180, 2.0, 15);
        byte[] bytes = Files.readAllBytes(clip);
        int chunks = (bytes.length + CHUNK - 1) / CHUNK;
        login("admin", TestServer.ADMIN_PASSWORD);
        js("localStorage.setItem('peerlet.uploadChunkBytes', arguments[0])", String.valueOf(CHUNK));
        open("/upload");
        // Every Content-Range the page sends is kept; the last chunk is held back, unsent, until
        // the test lets it fail as a connection cut by the stop would.
        js("""
                window.__ranges = [];
                window.__puts = 0;
                const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
                const header = XMLHttpRequest.prototype.setRequestHeader;
                XMLHttpRequest.prototype.open = function (m) { this.__method = m; return open.apply(this, arguments); };
                XMLHttpRequest.prototype.setRequestHeader = function (k, v) {
                  if (k === 'Content-Range') window.__ranges.push(v);
                  return header.apply(this, arguments);
                };
                XMLHttpRequest.prototype.send = function (body) {
                  if (this.__method === 'PUT' && body && ++window.__puts === %d) {
                    window.__release = () => this.onerror();
                    return;
                  }
                  return send.call(this, body);
                };
                """.formatted(chunks));
        driver.findElement(By.id("file")).sendKeys(clip.toAbsolutePath().toString());
        driver.findElement(By.id("upload-submit")).click();
        wait.until(d -> js("return typeof window.__release === 'function'").equals(true));

        // What the stop leaves: the last chunk's bytes are on disk, no video was made of them.
        Path uploads = server.dataDir().resolve("uploads");
        List<String> parts = TestFiles.listFiles(uploads);
        assertThat(parts).hasSize(1);
        long lastChunk = (long) (chunks - 1) * CHUNK;
        assertThat(Files.size(uploads.resolve(parts.get(0)))).isEqualTo(lastChunk);
        Files.write(uploads.resolve(parts.get(0)), Arrays.copyOfRange(bytes, (int) lastChunk, bytes.length),
                StandardOpenOption.APPEND);
        server.restart();
        js("window.__release()");

        waitUpTo(Duration.ofSeconds(90))
                .until(ExpectedConditions.elementToBeClickable(By.id("watch-link")));
        assertThat(driver.findElement(By.id("transcode-text")).getText()).isEqualTo("Your video is ready.");
        @SuppressWarnings("unchecked")
        List<String> ranges = (List<String>) js("return window.__ranges");
        assertThat(ranges).as("never an empty range").allSatisfy(r -> assertThat(r).doesNotStartWith("bytes " + bytes.length + "-"));
        String uuid = server.api().get("/api/v1/users/me/videos", server.api().adminToken()).json()
                .get("data").get(0).get("uuid").asText();
        assertThat(Files.readAllBytes(server.dataDir().resolve("originals/" + uuid + ".mp4"))).isEqualTo(bytes);
    }
}
