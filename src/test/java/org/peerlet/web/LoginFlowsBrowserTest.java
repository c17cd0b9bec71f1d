package org.peerlet.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.Totp;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in as people and PeerTube's clients do it in the browser: turning on two-factor login
 * in the settings (scanning the page's QR code, as a phone would) and logging in with a code; and
 * Grayjay's way, which opens /login in a web view and takes the token from the Authorization
 * header of the page's {@code GET /api/v1/users/me}, observed here through Chromium's network
 * events. The server's clock is the test's, so which code is current is known.
 */
class LoginFlowsBrowserTest extends BrowserPages {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:05Z"));
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        admin = startServer("login-flows", CLOCK);
        startBrowser(true, "--window-size=1000,900", "--lang=en-US");
    }

    @Test
    void aPersonTurnsOnTwoFactorWithTheQrCodeAndThenLogsInWithACode() throws Exception {
        server.api().createUser(admin, "nora", "nora-password-1");
        login("nora", "nora-password-1");
        open("/settings");
        driver.findElement(By.id("two-factor-start-password")).sendKeys("nora-password-1", Keys.ENTER);
        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-qr")));
        wait.until(d -> ((Number) js("return arguments[0].complete ? arguments[0].naturalWidth : 0", qr)).intValue() > 0);
        String secret = driver.findElement(By.id("two-factor-secret")).getText().trim();
        // What a phone's camera reads from the page is the secret shown beside it.
        String scanned = readQrCode(qr);
        assertThat(scanned).startsWith("otpauth://totp/").contains("secret=" + secret);
        shot("two-factor-scan");

        WebElement code = driver.findElement(By.id("two-factor-code"));
        code.sendKeys(Totp.code(secret, CLOCK.instant()), Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-state")));
        assertThat(driver.findElement(By.id("two-factor-messages")).getText()).contains("Two-factor login is on");

        // Next visit: the password alone is not enough, the page asks for the code.
        startSignedOutWithNothingStored();
        open("/login");
        driver.findElement(By.id("username")).sendKeys("nora");
        driver.findElement(By.id("password")).sendKeys("nora-password-1", Keys.ENTER);
        WebElement otp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        wait.until(d -> otp.equals(d.switchTo().activeElement()));
        assertThat(driver.findElement(By.id("nav")).getText()).doesNotContain("(nora)");
        CLOCK.advance(Duration.ofSeconds(30)); // the code that turned it on is spent
        String now = Totp.code(secret, CLOCK.instant());
        otp.sendKeys(String.format("%06d", (Integer.parseInt(now) + 1) % 1_000_000), Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#login-form .notice.error"), "That code is wrong"));
        otp.clear();
        otp.sendKeys(now, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "(nora)"));
        waitReady();

        // And off again, with the password.
        open("/settings");
        driver.findElement(By.id("two-factor-disable-password")).sendKeys("nora-password-1", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-start-password")));
        assertThat(server.api().login("nora", "nora-password-1").status()).isEqualTo(200);
    }

    @Test
    void grayjayTakesTheTokenFromThePagesCallToUsersMeRightAfterLogin() {
        server.api().createUser(admin, "gray", "gray-password-1");
        open("/login");
        networkEvents(); // forget what loading the page asked
        driver.findElement(By.id("username")).sendKeys("gray");
        driver.findElement(By.id("password")).sendKeys("gray-password-1", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "(gray)"));

        List<JsonNode> sent = new ArrayList<>();
        for (JsonNode e : networkEvents()) {
            if (e.path("method").asText().equals("Network.requestWillBeSent")) sent.add(e.path("params").path("request"));
        }
        int tokenCall = indexOf(sent, "POST", "/api/v1/users/token");
        assertThat(tokenCall).as("the page logs in with PeerTube's token endpoint").isNotNegative();
        JsonNode me = sent.stream().skip(tokenCall).filter(r -> is(r, "GET", "/api/v1/users/me")).findFirst()
                .orElseThrow(() -> new AssertionError("no GET /api/v1/users/me after the login among " + sent));
        String authorization = header(me, "Authorization").orElseThrow(() -> new AssertionError("no Authorization in " + me));
        assertThat(authorization).startsWith("Bearer ");
        // What Grayjay captures is a working token of the person who logged in.
        JsonNode whoami = server.api().get("/api/v1/users/me", authorization.substring(7)).json();
        assertThat(whoami.get("username").asText()).isEqualTo("gray");
    }

    private static boolean is(JsonNode request, String method, String path) {
        return request.path("method").asText().equals(method) && java.net.URI.create(request.path("url").asText()).getPath().equals(path);
    }

    private static int indexOf(List<JsonNode> requests, String method, String path) {
        for (int i = 0; i < requests.size(); i++) if (is(requests.get(i), method, path)) return i;
        return -1;
    }

    private static Optional<String> header(JsonNode request, String name) {
        var fields = request.path("headers").fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (f.getKey().equalsIgnoreCase(name)) return Optional.of(f.getValue().asText());
        }
        return Optional.empty();
    }

    /** The DevTools events Chromium logged since last asked (reading the log empties it). */
    private static List<JsonNode> networkEvents() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get("performance").getAll()) {
            try {
                events.add(json.readTree(e.getMessage()).path("message"));
            } catch (java.io.IOException bad) {
                throw new AssertionError(e.getMessage(), bad);
            }
        }
        return events;
    }

    /** Decodes the QR code the page shows, from a screenshot of it, as a phone's camera would. */
    private static String readQrCode(WebElement image) throws Exception {
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(image.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), null, 0, shot.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(shot.getWidth(), shot.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
