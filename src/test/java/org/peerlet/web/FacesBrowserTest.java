package org.peerlet.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium, grandma picks her picture and her channel's banner in the settings; her
 * picture is then beside her comment under a video, and the banner tops her channel's page.
 */
class FacesBrowserTest extends BrowserPages {
    static String shortUuid;
    static String channel;
    static Path picture;

    @BeforeAll
    static void start() throws Exception {
        String admin = startServer("faces-browser");
        Api api = server.api();
        String grandma = api.createUser(admin, "grandma", "grandma-secret-1");
        shortUuid = publishedVideo(grandma, Map.of("name", "Knitting", "privacy", 1),
                TestClips.h264Aac(work.resolve("clip.mp4"), 160, 90, 1.0, 10)).get("shortUUID").asText();
        channel = api.get("/api/v1/users/me", grandma).json().get("videoChannels").get(0).get("name").asText();
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        picture = work.resolve("grandma.png");
        ImageIO.write(img, "png", picture.toFile());
        startBrowser("--window-size=1280,900", "--lang=en-US");
    }

    /** An image of ours, drawn: its address is a face's and the browser decoded it at `width` pixels or more. */
    static boolean shownFace(WebElement img, String dir) {
        return String.valueOf(img.getAttribute("src")).contains("/lazy-static/" + dir + "/")
                && Boolean.TRUE.equals(js("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }

    @Test
    void grandmaPicksHerPictureAndItShowsBesideHerComment() throws Exception {
        login("grandma", "grandma-secret-1");
        open("/settings");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-avatar span.avatar")));
        driver.findElement(By.id("avatar-file")).sendKeys(picture.toAbsolutePath().toString());
        wait.until(d -> {
            var imgs = d.findElements(By.cssSelector("#my-avatar img.avatar"));
            return !imgs.isEmpty() && shownFace(imgs.get(0), "avatars");
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("face"), "Picture saved"));

        press(driver.findElement(By.cssSelector("[data-channel='" + channel + "'] details.channel-faces summary")));
        driver.findElement(By.id("banner-" + channel)).sendKeys(picture.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channels"), "Picture saved"));

        open("/w/" + shortUuid);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-new"))).sendKeys("A new scarf!");
        press(driver.findElement(By.cssSelector("#comments form.comment-form button[type=submit]")));
        wait.until(d -> d.findElements(By.cssSelector("#comment-list .comment")).stream()
                .filter(c -> c.getText().contains("A new scarf!"))
                .flatMap(c -> c.findElements(By.cssSelector("img.comment-avatar")).stream())
                .anyMatch(img -> shownFace(img, "avatars")));

        open("/c/" + channel);
        wait.until(d -> d.findElements(By.cssSelector("img.banner")).stream().anyMatch(img -> shownFace(img, "banners")));
        shot("faces-channel");
        // A channel without a description shows none (DOM append once wrote the word "null" there).
        assertThat(driver.findElement(By.id("app")).getText()).doesNotContain("null");
    }
}
