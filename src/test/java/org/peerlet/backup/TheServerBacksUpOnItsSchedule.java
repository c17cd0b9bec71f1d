package org.peerlet.backup;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The running server backs itself up into backup_dir, keeps backup_keep of them, and tells admins only. */
class TheServerBacksUpOnItsSchedule {

    @Test
    void aScheduledBackupRunsKeepsNAndShowsToAdmins(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("usb");
        try (TestServer s = TestServer.start(Map.of("PEERLET_BACKUP_DIR", folder.toString(), "PEERLET_BACKUP_KEEP", "2"))) {
            Api api = s.api();
            String admin = api.adminToken();
            // Never backed up: the first look at the schedule, a few seconds after start, makes one.
            JsonNode first = done(api, admin, 1);
            assertThat(first.get("lastDone").get("trigger").asText()).isEqualTo("schedule");
            assertThat(first.get("every").asText()).isEqualTo("24h");
            assertThat(first.get("nextAt").asText()).isNotEmpty();
            for (int n = 2; n <= 3; n++) {
                assertThat(api.postJson("/api/v1/admin/backups", admin, Map.of()).status()).isEqualTo(202);
                done(api, admin, n);
            }
            JsonNode status = api.get("/api/v1/admin/backups", admin).json();
            assertThat(status.get("lastDone").get("trigger").asText()).isEqualTo("admin");
            assertThat(status.get("lastDone").get("files").asInt()).isGreaterThanOrEqualTo(3);
            try (Stream<Path> kept = Files.list(folder)) {
                assertThat(kept.filter(p -> Files.exists(p.resolve("manifest.tsv"))).count()).as("backup_keep=2").isEqualTo(2);
            }
            String user = api.createUser(admin, "kid", "kid-secret-1");
            assertThat(api.get("/api/v1/admin/backups", user).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/admin/backups").status()).isEqualTo(401);
            assertThat(api.postJson("/api/v1/admin/backups", user, Map.of()).status()).isEqualTo(403);
        }
    }

    /** Waits until {@code n} backups have ended, the last one done and none running. */
    private static JsonNode done(Api api, String admin, int n) {
        JsonNode[] last = new JsonNode[1];
        Await.until(n + " backups done", Duration.ofSeconds(60), () -> {
            last[0] = api.get("/api/v1/admin/backups", admin).json();
            return last[0].get("recent").size() == n && !last[0].get("running").asBoolean();
        });
        assertThat(last[0].get("recent").get(0).get("state").asText()).as(last[0].toString()).isEqualTo("done");
        return last[0];
    }
}
