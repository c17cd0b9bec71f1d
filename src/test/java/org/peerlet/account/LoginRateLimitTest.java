package org.peerlet.account;

import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRateLimitTest {

    @Test
    void theTokenEndpointAnswers429PastTheLimitPerAddress() {
        try (TestServer server = TestServer.start(Map.of("PEERLET_LOGIN_LIMIT_PER_IP", "5"))) {
            Api api = server.api();
            for (int i = 0; i < 5; i++) assertThat(api.login("admin", "wrong").status()).isEqualTo(400);
            Api.Res r = api.login("admin", TestServer.ADMIN_PASSWORD);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.json().get("status").asInt()).isEqualTo(429);
            assertThat(r.json().get("detail").asText()).contains("too many login attempts");
            assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
        }
    }

    @Test
    void behindAReverseProxyTheLimitIsPerViewerAndCannotBeDodgedBySpoofing() {
        try (TestServer server = TestServer.start(Map.of("PEERLET_LOGIN_LIMIT_PER_IP", "3"))) {
            Api api = server.api();
            for (int i = 0; i < 3; i++) assertThat(loginVia(api, "203.0.113.5", "admin", "wrong").status()).isEqualTo(400);
            assertThat(loginVia(api, "203.0.113.5", "admin", "wrong").status()).isEqualTo(429);
            // A guesser who writes a fresh address in front is still known by what the proxy appended.
            assertThat(loginVia(api, "192.0.2.1, 203.0.113.5", "admin", "wrong").status()).isEqualTo(429);
            // The rest of the family, behind the same proxy, still logs in.
            assertThat(loginVia(api, "198.51.100.7", "admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void withNoTrustedProxyTheForwardedAddressIsIgnored() {
        try (TestServer server = TestServer.start(Map.of("PEERLET_LOGIN_LIMIT_PER_IP", "3", "PEERLET_TRUSTED_PROXIES", "none"))) {
            Api api = server.api();
            for (int i = 0; i < 3; i++) assertThat(loginVia(api, "203.0.113." + i, "admin", "wrong").status()).isEqualTo(400);
            assertThat(loginVia(api, "198.51.100.7", "admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(429);
        }
    }

    @Test
    void guessesFromManyAddressesDoNotLockTheOwnerOut() {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            // The owner logs in from home once; that address is then known for the account.
            assertThat(loginVia(api, "203.0.113.5", "admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
            // Guessers, each from its own address, so no address reaches its own limit.
            for (int i = 1; i <= 12; i++) loginVia(api, "198.51.100." + i, "admin", "guess-" + i);
            // The account is now slowed for strangers: no more guesses, even a right one, from a new address...
            Api.Res stranger = loginVia(api, "198.51.100.99", "admin", TestServer.ADMIN_PASSWORD);
            assertThat(stranger.status()).isEqualTo(429);
            assertThat(Integer.parseInt(stranger.header("Retry-After"))).isPositive();
            // ...but the owner, at home, still gets in, and a typo there is an ordinary refusal.
            assertThat(loginVia(api, "203.0.113.5", "admin", "typo").status()).isEqualTo(400);
            assertThat(loginVia(api, "203.0.113.5", "admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        }
    }

    /** A password login as relayed by a reverse proxy on this machine that names the client. */
    private static Api.Res loginVia(Api api, String forwardedFor, String username, String password) {
        return api.login(username, password, Map.of("X-Forwarded-For", forwardedFor));
    }
}
