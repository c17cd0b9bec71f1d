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
}
