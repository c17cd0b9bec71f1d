package org.peerlet.db;

import org.junit.jupiter.api.Test;
import org.peerlet.App;
import org.peerlet.config.Settings;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartTest {

    @Test
    void aRestartKeepsUsersChannelsSettingsAndTokens() {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            String admin = api.adminToken();
            String kim = api.createUser(admin, "kim", "kim-secret");
            api.postJson("/api/v1/video-channels", kim, Map.of("name", "kims_trips", "displayName", "Trips"));
            api.putJson("/api/v1/config/custom", admin, Map.of("instance", Map.of("name", "Kept")));
            String clientId = api.get("/api/v1/oauth-clients/local").json().get("client_id").asText();

            server.restart();
            api = server.api();
            assertThat(api.get("/api/v1/users/me", kim).json().get("username").asText()).isEqualTo("kim");
            assertThat(api.get("/api/v1/video-channels/kims_trips").json().get("displayName").asText()).isEqualTo("Trips");
            assertThat(api.get("/api/v1/config").json().get("instance").get("name").asText()).isEqualTo("Kept");
            assertThat(api.get("/api/v1/oauth-clients/local").json().get("client_id").asText()).isEqualTo(clientId);
            assertThat(api.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void aDatabaseFromANewerPeerletIsRefused() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.app().close();
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("peerlet.db"))) {
                c.createStatement().execute("PRAGMA user_version = 999");
            }
            Settings settings = Settings.load(Map.of("PEERLET_DATA_DIR", server.dataDir().toString(), "PEERLET_PORT", "0"),
                    List.of());
            assertThatThrownBy(() -> new App(settings, Clock.systemUTC()))
                    .hasMessageContaining("newer Peerlet").hasMessageContaining("999");
        }
    }

    @Test
    void theDatabaseRunsInWalModeWithForeignKeys() throws Exception {
        try (TestServer server = TestServer.start()) {
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("peerlet.db"))) {
                var rs = c.createStatement().executeQuery("PRAGMA journal_mode");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
    }
}
