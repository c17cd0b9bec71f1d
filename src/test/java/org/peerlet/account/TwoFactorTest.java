package org.peerlet.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.Sql;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Totp;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor login as PeerTube has it: a user turns it on with a code from their authenticator
 * app (computed here by the test's own RFC 6238 maker, {@link Totp}), then the password grant
 * needs PeerTube's {@code x-peertube-otp} header. The server's clock is the test's, set a few
 * seconds into a 30-second step, so which code is current is known.
 */
class TwoFactorTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:05Z"));
    static TestServer server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), CLOCK);
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Makes a user and turns two-factor on for them: the secret, as the person's app stores it. */
    static String enable(String username, String password) {
        String token = api.createUser(admin, username, password);
        long id = api.get("/api/v1/users/me", token).json().get("id").asLong();
        JsonNode otp = api.postJson("/api/v1/users/" + id + "/two-factor/request", token,
                Map.of("currentPassword", password)).json().get("otpRequest");
        Api.Res confirmed = api.postJson("/api/v1/users/" + id + "/two-factor/confirm-request", token,
                Map.of("requestToken", otp.get("requestToken").asText(), "otpToken", Totp.code(otp.get("secret").asText(), CLOCK.instant())));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
        return otp.get("secret").asText();
    }

    static Api.Res loginWithCode(String username, String password, String code) {
        return api.login(username, password, Map.of("x-peertube-otp", code));
    }

    @Test
    void turningItOnTakesThePasswordAndACodeFromTheApp() {
        String token = api.createUser(admin, "carol", "carol-password-1");
        long id = api.get("/api/v1/users/me", token).json().get("id").asLong();
        String request = "/api/v1/users/" + id + "/two-factor/request";
        assertThat(api.postJson(request, token, Map.of()).status()).isEqualTo(400);
        assertThat(api.postJson(request, token, Map.of("currentPassword", "not her password")).status()).isEqualTo(403);
        assertThat(api.postJson(request, null, Map.of("currentPassword", "carol-password-1")).status()).isEqualTo(401);

        Api.Res asked = api.postJson(request, token, Map.of("currentPassword", "carol-password-1"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        JsonNode otp = asked.json().get("otpRequest");
        String secret = otp.get("secret").asText();
        assertThat(Totp.decode(secret)).as("an RFC 4226 secret of at least 128 bits").hasSizeGreaterThanOrEqualTo(16);
        URI uri = URI.create(otp.get("uri").asText());
        assertThat(uri.getScheme() + "://" + uri.getHost()).isEqualTo("otpauth://totp");
        assertThat(uri.getRawQuery()).contains("secret=" + secret).contains("period=30").contains("digits=6").contains("algorithm=SHA1");
        assertThat(api.get("/api/v1/users/me", token).json().get("twoFactorEnabled").asBoolean()).as("not before it is confirmed").isFalse();

        String confirm = "/api/v1/users/" + id + "/two-factor/confirm-request";
        String requestToken = otp.get("requestToken").asText();
        String code = Totp.code(secret, CLOCK.instant());
        assertThat(api.postJson(confirm, token, Map.of("requestToken", "forged", "otpToken", code)).status()).isEqualTo(403);
        assertThat(api.postJson(confirm, token, Map.of("requestToken", requestToken, "otpToken", otherThan(code))).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/users/me", token).json().get("twoFactorEnabled").asBoolean()).isFalse();
        assertThat(api.postJson(confirm, token, Map.of("requestToken", requestToken, "otpToken", code)).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/users/me", token).json().get("twoFactorEnabled").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/users/" + id, admin).json().get("twoFactorEnabled").asBoolean()).isTrue();
        assertThat(api.postJson(request, token, Map.of("currentPassword", "carol-password-1")).status())
                .as("already on").isEqualTo(400);
        // The secret is never shown again, and the database holds it only encrypted.
        assertThat(api.get("/api/v1/users/me", token).text()).doesNotContain(secret);
        List<Object> stored = Sql.column(server.dataDir().resolve("peerlet.db"), "SELECT otp_secret FROM users WHERE id = ?", id);
        assertThat(stored).hasSize(1);
        assertThat((String) stored.get(0)).isNotBlank().doesNotContain(secret)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(Totp.decode(secret)));
    }

    @Test
    void thePasswordGrantThenNeedsTheCodeAsPeerTubeAsksForIt() {
        String secret = enable("dave", "dave-password-1");
        Api.Res without = api.login("dave", "dave-password-1");
        assertThat(without.status()).as(without.toString()).isEqualTo(401);
        assertThat(without.json().get("code").asText()).isEqualTo("missing_two_factor");
        assertThat(without.header("x-peertube-otp")).isEqualTo("required; app");
        assertThat(without.header("Content-Type")).startsWith("application/problem+json");

        CLOCK.advance(Duration.ofSeconds(30)); // the code used to turn it on is spent; a new step, a new code
        String code = Totp.code(secret, CLOCK.instant());
        Api.Res wrong = loginWithCode("dave", "dave-password-1", otherThan(code));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("code").asText()).isEqualTo("invalid_two_factor");
        assertThat(loginWithCode("dave", "wrong password", code).json().get("code").asText())
                .as("a wrong password is refused before the code is looked at").isEqualTo("invalid_grant");

        Api.Res ok = loginWithCode("dave", "dave-password-1", code);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", ok.json().get("access_token").asText()).status()).isEqualTo(200);
        assertThat(loginWithCode("dave", "dave-password-1", code).status()).as("a code works once").isEqualTo(400);
        // Refreshing a session needs no code, as in PeerTube: the refresh token came from a full login.
        assertThat(api.refresh(ok.json().get("refresh_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void codesWorkWithinOneStepOfTheServersClockOnly() {
        String secret = enable("erin", "erin-password-1");
        long now = CLOCK.instant().getEpochSecond() / 30;
        assertThat(loginWithCode("erin", "erin-password-1", Totp.codeForStep(secret, now + 3)).status()).isEqualTo(400);
        assertThat(loginWithCode("erin", "erin-password-1", Totp.codeForStep(secret, now - 3)).status()).isEqualTo(400);
        // A phone a little ahead of the server is fine...
        assertThat(loginWithCode("erin", "erin-password-1", Totp.codeForStep(secret, now + 1)).status()).isEqualTo(200);
        // ...and once a code is used, older ones are spent too: a code seen over a shoulder is no use.
        assertThat(loginWithCode("erin", "erin-password-1", Totp.codeForStep(secret, now)).status()).isEqualTo(400);
    }

    @Test
    void wrongCodesCountAsFailedLoginsOfTheAccount() {
        String secret = enable("frank", "frank-password-1");
        CLOCK.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, CLOCK.instant());
        for (int i = 1; i <= 10; i++) {
            Api.Res r = api.login("frank", "frank-password-1", Map.of("x-peertube-otp", otherThan(code), "X-Forwarded-For", "198.51.100." + i));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
        }
        Api.Res stranger = api.login("frank", "frank-password-1", Map.of("x-peertube-otp", code, "X-Forwarded-For", "198.51.100.99"));
        assertThat(stranger.status()).as("someone with the password guessing codes is slowed like a password guesser")
                .isEqualTo(429);
    }

    @Test
    void theUserTurnsItOffWithTheirPasswordAndTheAdminForThem() {
        String secret = enable("gina", "gina-password-1");
        enable("hank", "hank-password-1");
        CLOCK.advance(Duration.ofSeconds(30));
        String gina = loginWithCode("gina", "gina-password-1", Totp.code(secret, CLOCK.instant())).json().get("access_token").asText();
        long ginaId = api.get("/api/v1/users/me", gina).json().get("id").asLong();
        long hankId = idOf("hank");

        assertThat(api.postJson("/api/v1/users/" + hankId + "/two-factor/disable", gina,
                Map.of("currentPassword", "gina-password-1")).status()).as("not someone else's").isEqualTo(403);
        assertThat(api.postJson("/api/v1/users/" + ginaId + "/two-factor/disable", gina,
                Map.of("currentPassword", "wrong")).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/users/" + ginaId + "/two-factor/disable", gina,
                Map.of("currentPassword", "gina-password-1")).status()).isEqualTo(204);
        assertThat(api.login("gina", "gina-password-1").status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/users/" + ginaId + "/two-factor/disable", gina,
                Map.of("currentPassword", "gina-password-1")).status()).as("already off").isEqualTo(400);

        // Hank lost his phone: the admin turns it off for him, without Hank's password.
        assertThat(api.login("hank", "hank-password-1").status()).isEqualTo(401);
        assertThat(api.postJson("/api/v1/users/" + hankId + "/two-factor/disable", admin, Map.of()).status()).isEqualTo(204);
        assertThat(api.login("hank", "hank-password-1").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/" + hankId, admin).json().get("twoFactorEnabled").asBoolean()).isFalse();
    }

    private static long idOf(String username) {
        for (JsonNode u : api.get("/api/v1/users?count=100", admin).json().get("data")) {
            if (u.get("username").asText().equals(username)) return u.get("id").asLong();
        }
        throw new AssertionError("no user " + username);
    }

    /** A six-digit code that is not {@code code}. */
    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
