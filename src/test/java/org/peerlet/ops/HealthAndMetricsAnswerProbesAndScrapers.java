package org.peerlet.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/health} for probes; {@code /metrics} off by default, then to admins, or on a loopback port of its own. */
class HealthAndMetricsAnswerProbesAndScrapers {

    @Test
    void healthAnswersAnyoneAndMetricsAreOffByDefault() {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            Api.Res health = api.get("/api/v1/health");
            assertThat(health.status()).isEqualTo(200);
            JsonNode h = health.json();
            assertThat(h.get("status").asText()).isEqualTo("ok");
            assertThat(h.get("checks").get("database").get("ok").asBoolean()).isTrue();
            assertThat(h.get("checks").get("disk").get("ok").asBoolean()).isTrue();
            assertThat(h.get("checks").get("ffmpeg").get("ok").asBoolean()).isTrue();
            assertThat(h.get("checks").get("outbox").get("backlog").asInt()).isZero();
            assertThat(api.get("/metrics", api.adminToken()).status()).isEqualTo(404);
        }
    }

    @Test
    void adminsReadRequestsUploadsTranscodesAndMemory(@TempDir Path dir) {
        Path clip = TestClips.h264Aac(dir.resolve("clip.mp4"), 320, 240, 2.0, 25);
        try (TestServer server = TestServer.start(Map.of("PEERLET_METRICS_ENABLED", "true",
                "PEERLET_TRANSCODING_RESOLUTIONS", "240"))) {
            Api api = server.api();
            String admin = api.adminToken();
            String user = api.createUser(admin, "nephew", "nephew-password-1");
            assertThat(api.get("/metrics").status()).isEqualTo(401);
            assertThat(api.get("/metrics", user).status()).isEqualTo(403);
            Uploads uploads = new Uploads(api);
            uploads.awaitPublished(admin, uploads.upload(admin, "Counted", 1, clip));

            Api.Res text = api.get("/metrics", admin);
            assertThat(text.status()).isEqualTo(200);
            assertThat(text.header("Content-Type")).startsWith("text/plain; version=0.0.4");
            String m = text.text();
            assertThat(value(m, "peerlet_uploads_total")).isEqualTo(1.0);
            assertThat(value(m, "peerlet_transcode_jobs_total")).isEqualTo(1.0);
            assertThat(value(m, "peerlet_transcode_media_seconds_total")).isGreaterThan(1.5);
            assertThat(value(m, "peerlet_transcode_speed")).isGreaterThan(0);
            assertThat(value(m, "peerlet_transcode_queue")).isZero();
            assertThat(value(m, "peerlet_http_requests_seconds_count{group=\"/api/v1/videos\",status=\"2xx\"}")).isGreaterThan(0);
            assertThat(value(m, "peerlet_tracker_peers")).isZero();
            assertThat(value(m, "peerlet_federation_backlog")).isZero();
            assertThat(value(m, "peerlet_federation_delivery_failures_total")).isZero();
            assertThat(value(m, "process_resident_memory_bytes")).isGreaterThan(10e6);
            assertThat(m).contains("jvm_memory_used_bytes{area=\"heap\"");

            Api.Res open = api.send(api.request("/metrics", admin).header("Accept", "application/openmetrics-text").GET());
            assertThat(open.header("Content-Type")).startsWith("application/openmetrics-text");
            assertThat(open.text()).endsWith("# EOF\n");
            assertThat(api.get("/api/v1/health").json().get("checks").get("ffmpeg").get("natives").asText()).isEqualTo("loaded");
        }
    }

    @Test
    void aLoopbackPortOfItsOwnNeedsNoToken() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (TestServer server = TestServer.start(Map.of("PEERLET_METRICS_ENABLED", "true",
                "PEERLET_METRICS_PORT", String.valueOf(port)))) {
            Api loopback = new Api("http://127.0.0.1:" + port);
            Api.Res r = loopback.get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("peerlet_uploads_total 0.0");
            assertThat(server.api().get("/metrics", server.api().adminToken()).status())
                    .as("not on the main port too").isEqualTo(404);
        }
    }

    /** The value of one sample line of Prometheus text. */
    private static double value(String metrics, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)").matcher(metrics);
        if (!m.find()) throw new AssertionError("no " + sample + " in:\n" + metrics);
        return Double.parseDouble(m.group(1));
    }
}
