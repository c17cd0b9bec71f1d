package org.peerlet.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.SmtpServer;
import org.peerlet.testing.Sql;
import org.peerlet.testing.TestServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot password" as PeerTube has it, against a real SMTP server that wants a login: the mailed
 * link resets the password once, ends the old sessions, dies after an hour (the server's clock is
 * moved), and asking for an address no one has answers the same and mails nothing.
 */
class PasswordResetByMailTest {
    static SmtpServer smtp;
    static TestServer server;
    static Api api;
    static MutableClock clock = MutableClock.startingNow();
    static String admin;

    @BeforeAll
    static void start() {
        smtp = SmtpServer.withLogin("peerlet-mailer", "smtp-secret");
        Map<String, String> env = new HashMap<>(smtp.settings());
        env.put("PEERLET_SMTP_USER", "peerlet-mailer");
        env.put("PEERLET_SMTP_PASSWORD", "smtp-secret");
        server = TestServer.start(env, clock);
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.close();
    }

    static Api.Res ask(String email) {
        return api.postJson("/api/v1/users/ask-reset-password", null, Map.of("email", email));
    }

    static Api.Res reset(Map<String, String> link, String password) {
        return api.postJson("/api/v1/users/" + link.get("userId") + "/reset-password", null,
                Map.of("verificationString", link.get("verificationString"), "password", password));
    }

    /** The query of the reset link in the n-th mail to this address. */
    static Map<String, String> resetLink(String email, int n) {
        return SmtpServer.linkQuery(smtp.awaitMail(email, n), server.app().settings().publicUrl() + "/reset-password?");
    }

    static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMailedLinkResetsThePasswordOnceAndEndsOldSessions() {
        String old = api.createUser(admin, "nina", "nina-old-secret");
        assertThat(ask("nobody-here@example.org").status()).isEqualTo(204);
        Api.Res asked = ask("nina@example.org");
        assertThat(asked.status()).isEqualTo(204);
        assertThat(asked.bytes()).isEmpty();

        JsonNode mail = smtp.awaitMail("nina@example.org", 1);
        assertThat(mail.get("user").asText()).as("sent after SMTP AUTH").isEqualTo("peerlet-mailer");
        assertThat(mail.get("from").asText()).isEqualTo("peerlet@videos.test");
        assertThat(mail.get("subject").asText()).contains("Reset your password");
        Map<String, String> link = resetLink("nina@example.org", 1);
        long ninaId = api.get("/api/v1/users/me", old).json().get("id").asLong();
        assertThat(link.get("userId")).isEqualTo(String.valueOf(ninaId));
        // The one for the unknown address was asked first; the mailer works in order, so it would be here.
        assertThat(smtp.mailsTo("nobody-here@example.org")).isEmpty();
        java.nio.file.Path db = server.dataDir().resolve("peerlet.db");
        String code = link.get("verificationString");
        assertThat(Sql.number(db, "SELECT count(*) FROM user_verifications WHERE code_hash = ?", code)).isZero();
        assertThat(Sql.number(db, "SELECT count(*) FROM user_verifications WHERE code_hash = ?", sha256(code)))
                .as("only the code's hash is stored").isEqualTo(1);

        assertThat(reset(link, "nina-new-secret").status()).isEqualTo(204);
        assertThat(api.login("nina", "nina-new-secret").status()).isEqualTo(200);
        assertThat(api.login("nina", "nina-old-secret").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/me", old).status()).as("the old session ended").isEqualTo(401);

        Api.Res again = reset(link, "nina-third-secret");
        assertThat(again.status()).as("the link works once").isEqualTo(403);
        assertThat(again.json().get("detail").asText()).isEqualTo("Invalid verification string.");
        assertThat(api.login("nina", "nina-new-secret").status()).isEqualTo(200);
    }

    @Test
    void aLinkDiesAfterAnHourAndANewerOneReplacesIt() {
        api.createUser(admin, "omar", "omar-old-secret");
        assertThat(ask("OMAR@example.org").status()).as("addresses match whatever their case").isEqualTo(204);
        Map<String, String> first = resetLink("omar@example.org", 1);
        assertThat(ask("omar@example.org").status()).isEqualTo(204);
        Map<String, String> second = resetLink("omar@example.org", 2);
        assertThat(reset(first, "omar-new-secret").status()).as("replaced by the newer link").isEqualTo(403);

        clock.advance(Duration.ofMinutes(61));
        assertThat(reset(second, "omar-new-secret").status()).as("expired").isEqualTo(403);
        assertThat(api.login("omar", "omar-old-secret").status()).isEqualTo(200);
    }

    @Test
    void badRequestsAreRefusedAsPeerTubeDoes() {
        assertThat(ask("not an address").status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/users/ask-reset-password", null, Map.of()).status()).isEqualTo(400);
        assertThat(reset(Map.of("userId", "999999", "verificationString", "x"), "whatever-secret").status()).isEqualTo(404);
        assertThat(reset(Map.of("userId", "abc", "verificationString", "x"), "whatever-secret").status()).isEqualTo(400);
        api.createUser(admin, "pia", "pia-old-secret");
        long pia = api.get("/api/v1/users/me", api.token("pia", "pia-old-secret")).json().get("id").asLong();
        assertThat(reset(Map.of("userId", String.valueOf(pia), "verificationString", "guess"), "pia-new-secret").status())
                .isEqualTo(403);
        assertThat(reset(Map.of("userId", String.valueOf(pia), "verificationString", "guess"), "short").status())
                .as("a too short password is refused before the code is looked at").isEqualTo(400);
        assertThat(api.login("pia", "pia-old-secret").status()).isEqualTo(200);
    }
}
