package org.peerlet.backup;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.Await;
import org.peerlet.testing.PeerletProcess;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family instance backed up while it runs (videos, users, a share, a federated follow, a private
 * video), restored into a new data dir and started again: everything is there, its keys too. A
 * second backup after one more upload copies only that upload's files and links the rest; a
 * tampered backup is refused before anything is written.
 */
class BackupAndRestoreKeepAnInstance {
    private static final Map<String, String> DEV = Map.of("PEERLET_FEDERATION_ALLOW_LOOPBACK", "true",
            "PEERLET_FEDERATION_ALLOW_HTTP", "true", "PEERLET_TRANSCODING_RESOLUTIONS", "240", "PEERLET_P2P_ENABLED", "false");

    @Test
    void aRestoredBackupIsTheSameInstance(@TempDir Path dir) throws Exception {
        Path backups = dir.resolve("backups");
        TestServer b = TestServer.start(DEV);
        TestServer a = TestServer.start(DEV);
        try {
            Api api = a.api();
            int port = a.app().port();
            // The settings file goes with the backup: the restored instance federates over loopback by it.
            Files.writeString(a.dataDir().resolve("peerlet.properties"),
                    "federation_allow_loopback=true\nfederation_allow_http=true\ntranscoding_resolutions=240\np2p_enabled=false\n");
            String admin = api.adminToken();
            String alice = api.createUser(admin, "alice", "alice-secret-1");
            api.createUser(admin, "bob", "bob-secret-1");
            Uploads uploads = new Uploads(api);
            long publicId = uploads.upload(alice, "Picnic", 1, TestClips.h264Aac(dir.resolve("a.mp4"), 320, 240, 1.0, 25));
            long privateId = uploads.upload(alice, "Only for Bob", 3, TestClips.h264Aac(dir.resolve("b.mp4"), 320, 240, 1.0, 25));
            String publicUuid = uploads.awaitPublished(alice, publicId).get("uuid").asText();
            String privateUuid = uploads.awaitPublished(alice, privateId).get("uuid").asText();
            assertThat(api.postJson("/api/v1/videos/" + privateId + "/shares", alice, Map.of("handle", "bob")).status()).isBetween(200, 204);
            followed(b.api(), "localhost:" + port);
            String master = api.get("/static/streaming-playlists/hls/" + publicUuid + "/master.m3u8").text();
            String aliceKey = publicKey(api, "/accounts/alice");
            String instanceKey = publicKey(api, "/accounts/peerlet");

            PeerletProcess.Finished first = PeerletProcess.admin(a.dataDir(), "backup", backups.toString());
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).contains("complete:").contains("0 B linked");
            long thirdId = uploads.upload(alice, "One more", 1, TestClips.h264Aac(dir.resolve("c.mp4"), 320, 240, 1.0, 25));
            String thirdUuid = uploads.awaitPublished(alice, thirdId).get("uuid").asText();
            PeerletProcess.Finished second = PeerletProcess.admin(a.dataDir(), "backup", backups.toString());
            assertThat(second.exitCode()).as(second.output()).isZero();
            List<Path> made = dated(backups);
            assertThat(made).hasSize(2);
            onlyTheNewUploadWasCopied(made.get(0), made.get(1), thirdUuid);
            a.close(); // its data dir goes: what follows comes from the backup alone
            a = null;

            Path restored = Files.createDirectories(dir.resolve("restored/data"));
            PeerletProcess.Finished restore = PeerletProcess.admin(restored, "restore", made.get(1).toString());
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            try (PeerletProcess again = PeerletProcess.start(dir.resolve("restored"), port)) {
                Api r = again.api();
                assertThat(r.get("/api/v1/users/me", alice).json().get("username").asText()).as("an old token").isEqualTo("alice");
                assertThat(r.login("bob", "bob-secret-1").status()).isEqualTo(200);
                String bob = r.token("bob", "bob-secret-1");
                assertThat(r.get("/api/v1/videos/" + privateUuid, bob).status()).as("the share").isEqualTo(200);
                assertThat(r.get("/api/v1/videos/" + privateUuid).status()).as("private to others").isIn(401, 403, 404);
                assertThat(r.get("/api/v1/videos/" + thirdUuid).json().get("name").asText()).isEqualTo("One more");
                plays(r, publicUuid, master);
                assertThat(publicKey(r, "/accounts/alice")).isEqualTo(aliceKey);
                assertThat(publicKey(r, "/accounts/peerlet")).isEqualTo(instanceKey);
                JsonNode followers = r.get("/api/v1/server/followers").json();
                assertThat(followers.get("total").asInt()).isEqualTo(1);
                assertThat(followers.get("data").get(0).get("follower").get("host").asText()).contains(String.valueOf(b.app().port()));
            }

            tamper(made.get(1).resolve("data/hls/" + publicUuid + "/master.m3u8"));
            Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
            PeerletProcess.Finished refused = PeerletProcess.admin(elsewhere, "restore", made.get(1).toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output()).contains("hls/" + publicUuid + "/master.m3u8").contains("SHA-256");
            try (Stream<Path> left = Files.list(elsewhere)) {
                assertThat(left.toList()).as("nothing written").isEmpty();
            }
        } finally {
            if (a != null) a.close();
            b.close();
        }
    }

    /** B's instance follows A's, accepted. */
    private static void followed(Api b, String hostA) {
        String admin = b.adminToken();
        assertThat(b.postJson("/api/v1/server/following", admin, Map.of("hosts", List.of(hostA))).status()).isEqualTo(204);
        Await.until("B's follow of A accepted", Duration.ofSeconds(20), () -> {
            JsonNode f = b.get("/api/v1/server/following").json();
            return f.get("total").asInt() == 1 && f.get("data").get(0).get("state").asText().equals("accepted");
        });
    }

    private static String publicKey(Api api, String actor) {
        Api.Res r = api.send(api.request(actor, null).header("Accept", "application/activity+json").GET());
        assertThat(r.status()).as(actor).isEqualTo(200);
        return r.json().get("publicKey").get("publicKeyPem").asText();
    }

    /** The ladder answers: master playlist as before, the rung's playlist, its init segment and first segment. */
    private static void plays(Api r, String uuid, String master) {
        String base = "/static/streaming-playlists/hls/" + uuid + "/";
        assertThat(r.get(base + "master.m3u8").text()).isEqualTo(master);
        String rung = master.lines().filter(l -> l.endsWith(".m3u8")).findFirst().orElseThrow();
        String playlist = r.get(base + rung).text();
        List<String> media = playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(media).isNotEmpty();
        String init = playlist.lines().filter(l -> l.startsWith("#EXT-X-MAP")).findFirst().orElseThrow()
                .replaceAll(".*URI=\"([^\"]+)\".*", "$1");
        for (String file : List.of(init, media.get(0))) {
            Api.Res got = r.get(base + file);
            assertThat(got.status()).as(file).isEqualTo(200);
            assertThat(got.bytes().length).as(file).isPositive();
        }
    }

    /** Files the first backup had are the same inodes in the second; only the database and the new video's files are new. */
    private static void onlyTheNewUploadWasCopied(Path first, Path second, String newUuid) throws IOException {
        Map<String, Object> before = inodes(first.resolve("data"));
        Map<String, Object> after = inodes(second.resolve("data"));
        assertThat(after.keySet()).containsAll(before.keySet());
        assertThat(before.keySet()).anyMatch(p -> p.startsWith("hls/")).anyMatch(p -> p.startsWith("originals/"))
                .contains("two-factor.key", "video-passwords.key", "peerlet.properties");
        for (String p : before.keySet()) {
            if (p.equals("peerlet.db")) continue;
            assertThat(after.get(p)).as(p + " linked, not copied").isEqualTo(before.get(p));
            assertThat((int) Files.getAttribute(second.resolve("data").resolve(p), "unix:nlink")).as(p).isGreaterThanOrEqualTo(2);
        }
        Set<String> added = new java.util.TreeSet<>(after.keySet());
        added.removeAll(before.keySet());
        assertThat(added).isNotEmpty().allMatch(p -> p.contains(newUuid), "of the new upload");
        for (String p : added) assertThat((int) Files.getAttribute(second.resolve("data").resolve(p), "unix:nlink")).as(p).isEqualTo(1);
    }

    private static Map<String, Object> inodes(Path root) throws IOException {
        Map<String, Object> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.getAttribute(p, "unix:ino"));
            }
        }
        return out;
    }

    private static List<Path> dated(Path backups) throws IOException {
        try (Stream<Path> s = Files.list(backups)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("manifest.tsv"))).sorted().toList();
        }
    }

    /** One byte changed, the size kept: only the hash can tell. */
    private static void tamper(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(0);
            int c = f.read();
            f.seek(0);
            f.write(c ^ 1);
        }
    }
}
