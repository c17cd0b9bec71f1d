package org.peerlet.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.account.PasswordHasher;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Video passwords against guessing: wrong guesses are limited per address and per video (429),
 * a guess costs one keyed hash however many passwords the video has, passwords stored before
 * that change still open the video (and are converted), and counting numeric ids does not tell
 * which videos have a password.
 */
class VideoPasswordsResistGuessing {
    /** The documented limits: wrong guesses per address in 5 minutes, and per video in 15. */
    static final int PER_ADDRESS = 10;
    static final int PER_VIDEO = 30;

    static TestServer server;
    static Api api;
    static String alice;
    static String olga;
    static Path clips;
    static final Map<String, JsonNode> videos = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("PEERLET_TRANSCODING_RESOLUTIONS", "240"));
        api = server.api();
        String admin = api.adminToken();
        alice = api.createUser(admin, "alice", "alice-secret-1");
        olga = api.createUser(admin, "olga", "olga-secret-1");
        clips = Files.createTempDirectory("password-clips");
        Path clip = TestClips.h264Aac(clips.resolve("c.mp4"), 160, 90, 0.5, 10);
        Uploads up = new Uploads(api);
        Map<String, List<String>> passwords = new LinkedHashMap<>();
        passwords.put("byAddress", List.of("address-pw-1"));
        passwords.put("byVideo", List.of("video-pw-1"));
        passwords.put("other", List.of("other-pw-1"));
        passwords.put("many", IntStream.range(0, 20).mapToObj(i -> "many-pw-" + i).toList());
        passwords.put("legacy", List.of("legacy-pw-1", "legacy-pw-2"));
        passwords.put("numeric", List.of("numeric-pw-1"));
        passwords.put("private", null);
        for (Map.Entry<String, List<String>> e : passwords.entrySet()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", "Guess " + e.getKey());
            fields.put("channelId", up.channelId(alice));
            fields.put("privacy", e.getValue() == null ? 3 : 5);
            if (e.getValue() != null) fields.put("videoPasswords[]", e.getValue());
            Api.Res r = up.multipart(alice, fields, clip, "c.mp4");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            videos.put(e.getKey(), r.json().get("video"));
        }
        for (JsonNode v : videos.values()) up.awaitPublished(alice, v.get("id").asLong());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        TestFiles.deleteRecursively(clips);
    }

    static String uuid(String video) {
        return videos.get(video).get("uuid").asText();
    }

    static String numericId(String video) {
        return videos.get(video).get("id").asText();
    }

    /** GET of the video's details, as a reverse proxy on this machine relays it for {@code address}. */
    static Api.Res guess(String id, String password, String address, String token) {
        HttpRequest.Builder b = api.request("/api/v1/videos/" + id, token).header("X-Forwarded-For", address);
        if (password != null) b.header("x-peertube-video-password", password);
        return api.send(b.GET());
    }

    @Test
    void wrongGuessesFromOneAddressAreLimitedEvenForTheRightPassword() {
        for (int i = 0; i < PER_ADDRESS; i++) {
            Api.Res r = guess(uuid("byAddress"), "wrong-" + i, "203.0.113.9", null);
            assertThat(r.status()).as("guess " + i + ": " + r).isEqualTo(403);
            assertThat(r.json().get("code").asText()).isEqualTo("incorrect_video_password");
        }
        Api.Res limited = guess(uuid("byAddress"), "address-pw-1", "203.0.113.9", null);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
        assertThat(limited.json().get("title").asText()).isEqualTo("Too Many Requests");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        // Another video from the same address: the limit is the address's.
        assertThat(guess(uuid("other"), "other-pw-1", "203.0.113.9", null).status()).isEqualTo(429);
        // A fresh address written in front does not help: the proxy's own entry counts.
        assertThat(guess(uuid("byAddress"), "address-pw-1", "192.0.2.1, 203.0.113.9", null).status()).isEqualTo(429);
        // Someone else, behind the same proxy, still gets in.
        assertThat(guess(uuid("byAddress"), "address-pw-1", "198.51.100.20", null).status()).isEqualTo(200);
    }

    @Test
    void wrongGuessesSpreadOverManyAddressesAreLimitedPerVideo() {
        // A viewer who got in before the storm keeps watching (their player renews its token).
        assertThat(guess(uuid("byVideo"), "video-pw-1", "198.51.100.1", null).status()).isEqualTo(200);
        for (int i = 0; i < PER_VIDEO; i++) {
            Api.Res r = guess(uuid("byVideo"), "wrong-" + i, "10.9." + (i / 200) + "." + (i % 200 + 1), null);
            assertThat(r.status()).as("guess " + i + ": " + r).isEqualTo(403);
        }
        Api.Res limited = guess(uuid("byVideo"), "video-pw-1", "10.8.0.1", null);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.json().get("title").asText()).isEqualTo("Too Many Requests");
        assertThat(guess(uuid("byVideo"), "video-pw-1", "198.51.100.1", null).status()).isEqualTo(200);
        // Other videos are not touched by this one's storm.
        assertThat(guess(uuid("other"), "other-pw-1", "10.8.0.2", null).status()).isEqualTo(200);
    }

    @Test
    void aGuessCostsOneHashHoweverManyPasswordsTheVideoHas() {
        assertThat(guess(uuid("many"), "many-pw-19", "198.51.100.30", null).status()).isEqualTo(200);
        // What one slow (bcrypt) hash costs on this machine, measured here: the yardstick.
        PasswordHasher bcrypt = new PasswordHasher(10);
        long before = cpuNanos();
        for (int i = 0; i < 3; i++) bcrypt.hash("yardstick-" + i);
        long oneHash = (cpuNanos() - before) / 3;
        int guesses = 8;
        before = cpuNanos();
        for (int i = 0; i < guesses; i++) {
            assertThat(guess(uuid("many"), "not-it-" + i, "198.51.100.31", null).status()).isEqualTo(403);
        }
        long spent = cpuNanos() - before;
        System.out.printf("%d wrong guesses against 20 passwords: %d ms of CPU; one bcrypt hash: %d ms%n",
                guesses, spent / 1_000_000, oneHash / 1_000_000);
        // Checking each of the 20 slow hashes would cost 20 hashes a guess; one keyed hash costs next to nothing.
        assertThat(spent).isLessThan(guesses * oneHash);
    }

    @Test
    void passwordsStoredBeforeTheChangeStillOpenTheVideoAndAreConverted() throws Exception {
        String legacy = new PasswordHasher(10).hash("legacy-pw-2");
        long id = videos.get("legacy").get("id").asLong();
        execute("UPDATE video_passwords SET hash = ? WHERE video_id = ? AND id = (SELECT max(id) FROM video_passwords WHERE video_id = ?)",
                legacy, id, id);
        assertThat(storedHashes(id)).contains(legacy);
        assertThat(guess(uuid("legacy"), "legacy-pw-2", "198.51.100.40", null).status()).isEqualTo(200);
        assertThat(storedHashes(id)).hasSize(2).doesNotContain(legacy).noneMatch(h -> h.startsWith("$2"));
        assertThat(guess(uuid("legacy"), "legacy-pw-2", "198.51.100.40", null).status()).isEqualTo(200);
        assertThat(guess(uuid("legacy"), "legacy-pw-1", "198.51.100.40", null).status()).isEqualTo(200);
        assertThat(guess(uuid("legacy"), "legacy-pw-3", "198.51.100.40", null).status()).isEqualTo(403);
    }

    @Test
    void byNumericIdAPasswordVideoAnswersExactlyLikeAPrivateOne() {
        for (String token : new String[]{null, olga}) {
            for (String password : new String[]{null, "a-guess"}) {
                for (String path : List.of("", "/comment-threads")) {
                    Api.Res pw = guess(numericId("numeric") + path, password, "198.51.100.50", token);
                    Api.Res priv = guess(numericId("private") + path, password, "198.51.100.50", token);
                    String what = (token == null ? "anonymous" : "olga") + " password=" + password + " " + path;
                    assertThat(pw.status()).as(what).isEqualTo(priv.status()).isIn(401, 403);
                    assertThat(pw.text()).as(what).isEqualTo(priv.text());
                }
            }
        }
        // By its unguessable uuid, a viewer is told a password is needed, so the page can ask for it.
        Api.Res byUuid = guess(uuid("numeric"), null, "198.51.100.51", null);
        assertThat(byUuid.status()).isEqualTo(403);
        assertThat(byUuid.json().get("code").asText()).isEqualTo("video_requires_password");
        // Whoever knows the password may use the numeric id.
        assertThat(guess(numericId("numeric"), "numeric-pw-1", "198.51.100.51", null).status()).isEqualTo(200);
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void execute(String sql, Object... args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("peerlet.db"));
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            s.executeUpdate();
        }
    }

    static List<String> storedHashes(long videoId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("peerlet.db"));
             PreparedStatement s = c.prepareStatement("SELECT hash FROM video_passwords WHERE video_id = ? ORDER BY id")) {
            s.setLong(1, videoId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
