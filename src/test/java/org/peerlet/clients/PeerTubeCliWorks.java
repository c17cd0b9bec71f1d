package org.peerlet.clients;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PeerTube's official CLI ({@code @peertube/peertube-cli}, pinned in src/test/peertube-cli and
 * installed there by the Maven build) against the real server, as a new user would run it:
 * register the instance, upload a video to the end, get a token, list plugins. Then the video
 * plays. The CLI missing is a failure, not a skip: {@code mvn verify} installs it.
 */
class PeerTubeCliWorks {
    static TestServer server;
    static Api api;
    static Path home;
    static Path cli;

    @BeforeAll
    static void start() throws Exception {
        cli = Path.of(System.getProperty("peerlet.peertubeCli", "src/test/peertube-cli/node_modules/.bin/peertube-cli"));
        assertThat(Files.isExecutable(cli))
                .as("PeerTube's CLI at " + cli + ": `mvn verify` installs it with npm (src/test/peertube-cli)").isTrue();
        server = TestServer.start();
        api = server.api();
        home = Files.createTempDirectory("peertube-cli-home");
        Ran added = run("auth", "add", "-u", server.baseUrl(), "-U", "admin", "--password", TestServer.ADMIN_PASSWORD);
        assertThat(added.exit()).as(added.output()).isZero();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (home != null) TestFiles.deleteRecursively(home);
    }

    @Test
    void uploadRunsToTheEndAndTheVideoPlays() throws Exception {
        Path clip = TestClips.h264Aac(home.resolve("from the cli.mp4"), 320, 180, 2.0, 25);
        Ran up = run("upload", "--file", clip.toAbsolutePath().toString(), "--video-name", "Sent from PeerTube's CLI");
        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(up.output()).contains("Video Sent from PeerTube's CLI uploaded.").doesNotContain("Cannot");

        String admin = api.adminToken();
        JsonNode list = api.get("/api/v1/users/me/videos", admin).json().get("data");
        JsonNode found = null;
        for (JsonNode v : list) if (v.get("name").asText().equals("Sent from PeerTube's CLI")) found = v;
        assertThat(found).as("the uploaded video in " + list).isNotNull();
        JsonNode v = new Uploads(api).awaitPublished(admin, found.get("id").asLong());
        JsonNode playlist = v.get("streamingPlaylists").get(0);
        assertThat(api.get(playlist.get("playlistUrl").asText()).status()).isEqualTo(200);
        JsonNode rung = playlist.get("files").get(0);
        Api.Res variant = api.get(rung.get("playlistUrl").asText());
        assertThat(variant.status()).isEqualTo(200);
        String firstSegment = variant.text().lines().filter(l -> l.endsWith(".m4s")).findFirst().orElseThrow();
        String base = rung.get("playlistUrl").asText().replaceFirst("[^/]+$", "");
        assertThat(api.get(base + firstSegment).status()).isEqualTo(200);
        assertThat(v.get("files").get(0).get("torrentUrl").asText()).isNotEmpty();
    }

    @Test
    void getAccessTokenPrintsATokenThatWorks() throws Exception {
        Ran token = run("get-access-token", "-u", server.baseUrl(), "-n", "admin", "-p", TestServer.ADMIN_PASSWORD);
        assertThat(token.exit()).as(token.output()).isZero();
        String printed = token.output().strip();
        assertThat(printed).doesNotContain(" ").isNotEmpty();
        assertThat(api.get("/api/v1/users/me", printed).json().get("username").asText()).isEqualTo("admin");
    }

    @Test
    void pluginsListShowsNone() throws Exception {
        Ran plugins = run("plugins", "list");
        assertThat(plugins.exit()).as(plugins.output()).isZero();
        assertThat(plugins.output()).contains("name").contains("version").doesNotContain("Cannot");
        JsonNode none = api.get("/api/v1/plugins", api.adminToken()).json();
        assertThat(none.get("total").asInt()).isZero();
        assertThat(none.get("data").isArray() && none.get("data").isEmpty()).as(none.toString()).isTrue();
        assertThat(api.get("/api/v1/plugins").status()).isEqualTo(401);
    }

    record Ran(int exit, String output) {
    }

    /** Runs the CLI with its own home (its settings and ~/.netrc live there), for at most two minutes. */
    static Ran run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(cli.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(home, "cli-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        Process p = pb.start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("peertube-cli " + String.join(" ", args) + " ended in time:\n" + out).isTrue();
        return new Ran(p.exitValue(), out);
    }
}
