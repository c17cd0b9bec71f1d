package org.peerlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.BusyThreads;
import org.peerlet.testing.DataDirState;
import org.peerlet.testing.RawHttp;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of generated requests (bodies, query parameters, headers) to the API and media files:
 * none may get a 5xx, take over 2 s, or leave anything in the data dir or database when refused.
 * The seed is printed; {@code -Dpeerlet.fuzz.seed=N} makes the same requests again. Bounded: at
 * most {@link #REQUESTS} requests or {@link #BUDGET}, whichever ends first.
 */
class FuzzedRequestsNeverBreakTheServer {
    /** A few hundred by default; {@code -Dpeerlet.fuzz.requests=N} for a longer hunt. */
    private static final int REQUESTS = Integer.getInteger("peerlet.fuzz.requests", 400);
    private static final Duration BUDGET = Duration.ofSeconds(Math.max(60, REQUESTS / 5));
    private static final Duration HANG = Duration.ofSeconds(2);
    static TestServer server;
    static Path dir;
    static RequestFuzzer.Targets targets;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        Api api = server.api();
        String admin = api.adminToken();
        String user = api.createUser(admin, "nephew", "nephew-secret");
        Uploads uploads = new Uploads(api);
        dir = Files.createTempDirectory("fuzz");
        long id = uploads.upload(user, "Beach", 1, TestClips.h264Aac(dir.resolve("beach.mp4"), 160, 90, 1.0, 10));
        JsonNode v = uploads.awaitPublished(user, id);
        JsonNode playlist = v.get("streamingPlaylists").get(0);
        String master = URI.create(playlist.get("playlistUrl").asText()).getRawPath();
        targets = new RequestFuzzer.Targets(id, v.get("uuid").asText(), v.get("shortUUID").asText(), "nephew_channel",
                "nephew", v.get("thumbnailPath").asText(), master.substring(0, master.lastIndexOf('/') + 1) + "90-0.m4s",
                URI.create(playlist.get("files").get(0).get("fileDownloadUrl").asText()).getRawPath(), List.of(user, admin));
    }

    @AfterAll
    static void stop() {
        server.close();
        TestFiles.deleteRecursively(dir);
    }

    @Test
    void noRequestGetsA5xxHangsOrLeavesAnythingWhenRefused() {
        long seed = Long.getLong("peerlet.fuzz.seed", System.nanoTime());
        System.out.println("fuzz seed " + seed + " (to make the same requests: -Dpeerlet.fuzz.seed=" + seed + ")");
        RequestFuzzer fuzzer = new RequestFuzzer(seed, targets);
        RawHttp raw = new RawHttp(server.baseUrl(), HANG);
        DataDirState state = new DataDirState(server);
        DataDirState.Snapshot before = state.snapshot();
        List<String> failures = new ArrayList<>();
        long end = System.nanoTime() + BUDGET.toNanos();
        int sent = 0;
        while (sent < REQUESTS && System.nanoTime() < end && failures.size() < 10) {
            RequestFuzzer.Fuzzed f = fuzzer.next();
            sent++;
            String problem = problem(raw, f);
            if (problem != null && problem.startsWith("refused")) {
                String changes = state.changesLeft(before);
                problem = changes.isEmpty() ? null : problem + " but kept " + changes;
            }
            if (problem != null) failures.add(problem + " <- " + f.what());
            before = state.snapshot();
        }
        System.out.println("fuzz seed " + seed + ": " + sent + " requests");
        assertThat(failures).as("seed " + seed + ", " + sent + " requests").isEmpty();
        assertThat(sent).as("requests made within " + BUDGET).isGreaterThanOrEqualTo(100);
        BusyThreads.awaitIdle(Duration.ofSeconds(10));
    }

    /** What is wrong with the answer; "refused ..." for a 4xx (then nothing may have been kept); null if fine. */
    private static String problem(RawHttp raw, RequestFuzzer.Fuzzed f) {
        RawHttp.Res r;
        try {
            r = raw.send(f.method(), f.target(), f.headers(), f.body());
        } catch (RawHttp.Hang e) {
            return "no answer within " + HANG.toMillis() + " ms";
        }
        if (r.status() == 0 || r.status() >= 500) return "answered " + r.status() + " " + r.text();
        if (r.status() < 400) return null;
        if (f.target().startsWith("/api/") && !isProblemJson(r)) return "answered " + r.status() + " not PeerTube-shaped: " + r.text();
        return "refused " + r.status();
    }

    private static boolean isProblemJson(RawHttp.Res r) {
        try {
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
            return body.path("status").asInt() == r.status() && body.hasNonNull("detail");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
