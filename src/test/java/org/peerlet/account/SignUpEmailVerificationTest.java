package org.peerlet.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.LogCapture;
import org.peerlet.testing.SmtpServer;
import org.peerlet.testing.TestServer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PeerTube's optional address check at sign-up (signup.requiresEmailVerification), against a real
 * SMTP server: the newcomer cannot log in until they open the mailed link, which works once. The
 * setting needs SMTP; without it no e-mail is promised. A dead SMTP server costs one log line a try.
 */
class SignUpEmailVerificationTest {
    static SmtpServer smtp;
    static TestServer server;
    static Api api;

    @BeforeAll
    static void start() {
        smtp = SmtpServer.start();
        server = TestServer.start(smtp.settings());
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.close();
    }

    static Api.Res signUp(String name) {
        return api.postJson("/api/v1/users/register", null, Map.of("username", name, "password", name + "-secret-1",
                "email", name + "@family.test"));
    }

    @Test
    void aNewcomerLogsInOnlyAfterOpeningTheMailedLink() {
        String admin = api.adminToken();
        Api.Res put = api.putJson("/api/v1/config/custom", admin,
                Map.of("signup", Map.of("enabled", true, "requiresEmailVerification", true)));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode config = api.get("/api/v1/config").json();
        assertThat(config.get("email").get("enabled").asBoolean()).isTrue();
        assertThat(config.get("signup").get("requiresEmailVerification").asBoolean()).isTrue();

        assertThat(api.send(api.request("/api/v1/users/register", null).header("Content-Type", "application/json")
                .header("Accept-Language", "fr-FR,fr;q=0.9")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.write(Map.of("username", "zoe",
                        "password", "zoe-secret-1", "email", "zoe@family.test"))))).status()).isEqualTo(204);
        Api.Res refused = api.login("zoe", "zoe-secret-1");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).isEqualTo("User email is not verified.");

        JsonNode mail = smtp.awaitMail("zoe@family.test", 1);
        assertThat(mail.get("subject").asText()).as("in the language she signed up in").contains("Confirmez");
        Map<String, String> q = SmtpServer.linkQuery(mail, server.app().settings().publicUrl() + "/verify-account/email?");
        Api.Res verified = api.postJson("/api/v1/users/" + q.get("userId") + "/verify-email", null,
                Map.of("verificationString", q.get("verificationString")));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
        String token = api.token("zoe", "zoe-secret-1");
        assertThat(api.get("/api/v1/users/me", token).json().get("emailVerified").asBoolean()).isTrue();
        assertThat(api.postJson("/api/v1/users/" + q.get("userId") + "/verify-email", null,
                Map.of("verificationString", q.get("verificationString"))).status()).as("once").isEqualTo(403);
    }

    @Test
    void theLinkCanBeAskedAgainAndOnlyAWaitingAddressGetsOne() {
        String admin = api.adminToken();
        api.putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("enabled", true, "requiresEmailVerification", true)));
        assertThat(signUp("yann").status()).isEqualTo(204);
        smtp.awaitMail("yann@family.test", 1);
        api.createUser(admin, "xavier", "xavier-secret-1");
        assertThat(api.postJson("/api/v1/users/ask-send-verify-email", null, Map.of("email", "xavier@example.org")).status())
                .as("already fine: same answer, no mail").isEqualTo(204);
        assertThat(api.postJson("/api/v1/users/ask-send-verify-email", null, Map.of("email", "yann@family.test")).status())
                .isEqualTo(204);
        JsonNode again = smtp.awaitMail("yann@family.test", 2);
        assertThat(again.get("subject").asText()).contains("Confirm your e-mail address");
        assertThat(smtp.mailsTo("xavier@example.org")).as("asked before yann's second, sent in order").isEmpty();
        Map<String, String> q = SmtpServer.linkQuery(again, server.app().settings().publicUrl() + "/verify-account/email?");
        assertThat(api.postJson("/api/v1/users/" + q.get("userId") + "/verify-email", null,
                Map.of("verificationString", q.get("verificationString"))).status()).isEqualTo(204);
        assertThat(api.login("yann", "yann-secret-1").status()).isEqualTo(200);
    }

    @Test
    void withoutSmtpVerificationCannotBeRequiredAndNoMailIsPromised() {
        try (TestServer plain = TestServer.start()) {
            Api a = plain.api();
            String admin = a.adminToken();
            Api.Res put = a.putJson("/api/v1/config/custom", admin, Map.of("signup", Map.of("requiresEmailVerification", true)));
            assertThat(put.status()).isEqualTo(400);
            assertThat(a.get("/api/v1/config").json().get("email").get("enabled").asBoolean()).isFalse();
            assertThat(a.postJson("/api/v1/users/ask-reset-password", null, Map.of("email", "admin@example.org")).status())
                    .isEqualTo(409);
        }
    }

    @Test
    void aDeadSmtpServerCostsOneLogLineATryAndNoRequestWaits() {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        try (LogCapture log = LogCapture.start();
             TestServer dead = TestServer.start(Map.of("PEERLET_SMTP_HOST", "127.0.0.1",
                     "PEERLET_SMTP_PORT", String.valueOf(closedPort), "PEERLET_SMTP_TLS", "none"))) {
            Api a = dead.api();
            a.createUser(a.adminToken(), "wendy", "wendy-secret-1");
            assertThat(a.postJson("/api/v1/users/ask-reset-password", null, Map.of("email", "wendy@example.org")).status())
                    .isEqualTo(204);
            org.peerlet.testing.Await.until("the failed try is logged",
                    () -> log.lines().stream().anyMatch(l -> l.contains("not sent (try 1 of 3)")));
            List<String> mailLines = log.lines().stream().filter(l -> l.contains(" mail - ")).toList();
            assertThat(mailLines).hasSize(1);
            assertThat(mailLines.get(0)).contains("…@example.org").doesNotContain("wendy");
            assertThat(log.lines()).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception:") && !l.contains("not sent"));
        }
    }
}
