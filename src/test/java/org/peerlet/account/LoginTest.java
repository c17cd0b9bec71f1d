package org.peerlet.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTest {
    static TestServer server;
    static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void firstStartMadeAnAdminWhoCanLogIn() {
        Api.Res r = api.login("admin", TestServer.ADMIN_PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        JsonNode t = r.json();
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("access_token").asText()).hasSizeGreaterThan(30);
        assertThat(t.get("refresh_token").asText()).hasSizeGreaterThan(30);
        assertThat(t.get("expires_in").asLong()).isEqualTo(86400);
    }

    @Test
    void usersMeHasPeerTubesShape() {
        String token = api.adminToken();
        JsonNode me = api.get("/api/v1/users/me", token).json();
        assertThat(me.get("username").asText()).isEqualTo("admin");
        assertThat(me.get("role").get("id").asInt()).isEqualTo(0);
        assertThat(me.get("role").get("label").asText()).isEqualTo("Administrator");
        assertThat(me.get("account").get("name").asText()).isEqualTo("admin");
        assertThat(me.get("account").get("url").asText()).endsWith("/accounts/admin");
        assertThat(me.get("videoChannels").get(0).get("name").asText()).isEqualTo("root_channel");
        assertThat(me.get("videoQuota").asLong()).isEqualTo(-1);
    }

    @Test
    void aRefreshTokenGivesNewTokensOnce() {
        JsonNode first = api.login("admin", TestServer.ADMIN_PASSWORD).json();
        Api.Res refreshed = api.refresh(first.get("refresh_token").asText());
        assertThat(refreshed.status()).isEqualTo(200);
        String newAccess = refreshed.json().get("access_token").asText();
        assertThat(api.get("/api/v1/users/me", newAccess).status()).isEqualTo(200);
        // The old pair is gone: its access token and its refresh token no longer work.
        assertThat(api.get("/api/v1/users/me", first.get("access_token").asText()).status()).isEqualTo(401);
        Api.Res again = api.refresh(first.get("refresh_token").asText());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = api.adminToken();
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/users/revoke-token", token, Map.of()).status()).isEqualTo(200);
        Api.Res after = api.get("/api/v1/users/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("code").asText()).isEqualTo("invalid_token");
    }

    @Test
    void aWrongPasswordIsAPeerTubeShaped400() {
        Api.Res r = api.login("admin", "not-the-password");
        assertThat(r.status()).isEqualTo(400);
        JsonNode e = r.json();
        assertThat(e.get("code").asText()).isEqualTo("invalid_grant");
        assertThat(e.get("status").asInt()).isEqualTo(400);
        assertThat(e.get("detail").asText()).contains("credentials are invalid");
        assertThat(e.get("error").asText()).isEqualTo(e.get("detail").asText());
        assertThat(e.get("type").asText()).startsWith("https://");
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        Api.Res r = api.login("nobody_here", "whatever1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("credentials are invalid");
    }

    @Test
    void aWrongClientIsRefused() {
        Api.Res r = api.postForm("/api/v1/users/token", null, Map.of("client_id", "x", "client_secret", "y",
                "grant_type", "password", "username", "admin", "password", TestServer.ADMIN_PASSWORD));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("invalid_client");
    }

    @Test
    void theApiNeedsATokenAndNamesWhatIsMissing() {
        Api.Res r = api.get("/api/v1/users/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asText()).contains("access token");
        assertThat(api.get("/api/v1/users/me", "garbage").status()).isEqualTo(401);
    }

    @Test
    void tenFailedLoginsCloseTheAccountToNewAddressesForAWhileEvenWithTheRightPassword() {
        String token = api.adminToken();
        api.createUser(token, "locked_out", "right-password");
        for (int i = 0; i < 10; i++) assertThat(api.login("locked_out", "wrong-" + i).status()).isEqualTo(400);
        // From an address the account never logged in from (named by the reverse proxy on this machine).
        Api.Res r = api.login("locked_out", "right-password", Map.of("X-Forwarded-For", "192.0.2.77"));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(r.json().get("detail").asText()).contains("too many failed logins");
    }

    @Test
    void passwordsAndTokensAreStoredHashed() throws Exception {
        String token = api.adminToken();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("peerlet.db"));
             var st = c.createStatement()) {
            var rs = st.executeQuery("select password_hash from users where username = 'admin'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$2a$").doesNotContain(TestServer.ADMIN_PASSWORD);
            var tokens = st.executeQuery("select count(*) from oauth_tokens where access_hash = '" + token + "'");
            tokens.next();
            assertThat(tokens.getInt(1)).isZero();
        }
    }
}
