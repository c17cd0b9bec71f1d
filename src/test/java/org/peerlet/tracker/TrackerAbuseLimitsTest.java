package org.peerlet.tracker;

import org.peerlet.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.TestServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrackerAbuseLimitsTest {

    @Test
    void perAddressAndPerSwarmRateLimitsAndSocketCapsRefuseWithClearReasons() {
        MutableClock clock = new MutableClock(java.time.Instant.ofEpochMilli(1_700_000_000_000L));
        try (TestServer server = TestServer.start(Map.of("PEERLET_TRACKER_ANNOUNCES_PER_IP", "6",
                "PEERLET_TRACKER_ANNOUNCES_PER_IP_PER_SWARM", "3", "PEERLET_TRACKER_MAX_SOCKETS_PER_IP", "3"), clock)) {
            KnownSwarms known = server.app().knownSwarms();
            String one = InfoHashes.forPlaylist(server.baseUrl() + "/hls/one/master.m3u8", 0);
            String two = InfoHashes.forPlaylist(server.baseUrl() + "/hls/two/master.m3u8", 0);
            known.admit(one);
            known.admit(two);
            try (WsPeer p = WsPeer.connect(server.baseUrl())) {
                for (int i = 0; i < 3; i++) assertThat(p.announce(one).has("failure reason")).isFalse();
                JsonNode perSwarm = p.announce(one);
                assertThat(perSwarm.get("failure reason").asText()).contains("too many announces for this info_hash");
                assertThat(perSwarm.get("info_hash").asText()).isEqualTo(one);

                for (int i = 0; i < 2; i++) assertThat(p.announce(two).has("failure reason")).isFalse();
                JsonNode perAddress = p.announce(two);
                assertThat(perAddress.get("failure reason").asText()).contains("too many announces from your address");

                JsonNode stopped = p.announce(one, "event", "stopped");
                assertThat(stopped.has("failure reason")).as("leaving is never rate-limited").isFalse();

                clock.advance(Duration.ofSeconds(11));
                assertThat(p.announce(two).has("failure reason")).as("a new window").isFalse();

                List<WsPeer> more = new ArrayList<>();
                try {
                    for (int i = 0; i < 2; i++) more.add(WsPeer.connect(server.baseUrl()));
                    WsPeer fourth = WsPeer.connect(server.baseUrl());
                    more.add(fourth);
                    assertThat(fourth.awaitClose()).isEqualTo(CloseCodes.TOO_MANY_SOCKETS_FROM_ADDRESS);
                    assertThat(fourth.closeReason()).contains("too many tracker connections");
                } finally {
                    more.forEach(WsPeer::close);
                }
            }
            TrackerStats s = server.app().tracker().stats();
            assertThat(s.refusals().get("rate_limited_swarm")).isEqualTo(1);
            assertThat(s.refusals().get("rate_limited_address")).isEqualTo(1);
            assertThat(s.refusals().get("too_many_sockets_from_address")).isEqualTo(1);
        }
    }

    @Test
    void behindAReverseProxyEachViewerHasItsOwnSocketAllowance() {
        // The proxy runs on this machine (loopback, trusted by default) and names each viewer.
        try (TestServer server = TestServer.start(Map.of("PEERLET_TRACKER_MAX_SOCKETS_PER_IP", "2"))) {
            String swarm = InfoHashes.forPlaylist(server.baseUrl() + "/hls/one/master.m3u8", 0);
            server.app().knownSwarms().admit(swarm);
            List<WsPeer> open = new ArrayList<>();
            try {
                for (String viewer : List.of("203.0.113.5", "203.0.113.5", "198.51.100.7", "198.51.100.7")) {
                    WsPeer p = WsPeer.connectVia(server.baseUrl(), viewer);
                    open.add(p);
                    assertThat(p.announce(swarm).has("failure reason")).as(viewer).isFalse();
                }
                // A third socket of one viewer is refused, even if it claims another address first:
                // only what the proxy appended (the right end) is believed.
                WsPeer third = WsPeer.connectVia(server.baseUrl(), "192.0.2.99, 203.0.113.5");
                open.add(third);
                assertThat(third.awaitClose()).isEqualTo(CloseCodes.TOO_MANY_SOCKETS_FROM_ADDRESS);
            } finally {
                open.forEach(WsPeer::close);
            }
        }
        try (TestServer server = TestServer.start(Map.of("PEERLET_TRACKER_MAX_SOCKETS_PER_IP", "2",
                "PEERLET_TRUSTED_PROXIES", "none"))) {
            List<WsPeer> open = new ArrayList<>();
            try {
                for (String viewer : List.of("203.0.113.5", "198.51.100.7")) open.add(WsPeer.connectVia(server.baseUrl(), viewer));
                WsPeer third = WsPeer.connectVia(server.baseUrl(), "192.0.2.99");
                open.add(third);
                assertThat(third.awaitClose()).as("trusting no proxy, all three are one address")
                        .isEqualTo(CloseCodes.TOO_MANY_SOCKETS_FROM_ADDRESS);
            } finally {
                open.forEach(WsPeer::close);
            }
        }
    }

    @Test
    void aSocketThatFloodsIsClosed() {
        try (TestServer server = TestServer.start(Map.of("PEERLET_TRACKER_ANNOUNCES_PER_IP", "100000",
                "PEERLET_TRACKER_ANNOUNCES_PER_IP_PER_SWARM", "100000"), new MutableClock(java.time.Instant.ofEpochMilli(1_700_000_000_000L)));
             WsPeer p = WsPeer.connect(server.baseUrl())) {
            String swarm = InfoHashes.forPlaylist(server.baseUrl() + "/hls/flood/master.m3u8", 0);
            server.app().knownSwarms().admit(swarm);
            int limit = server.app().tracker().limits().messagesPerSocket();
            for (int i = 0; i <= limit && !p.isClosed(); i++) {
                try {
                    p.send(WsPeer.announcement(swarm, p.peerId));
                } catch (AssertionError closedMeanwhile) {
                    break;
                }
            }
            assertThat(p.awaitClose()).isEqualTo(CloseCodes.FLOODING);
        }
    }

    @Test
    void withP2pDisabledEverySocketIsRefused() {
        try (TestServer server = TestServer.start(Map.of("PEERLET_P2P_ENABLED", "false"));
             WsPeer p = WsPeer.connect(server.baseUrl())) {
            assertThat(p.awaitClose()).isEqualTo(CloseCodes.P2P_DISABLED);
            assertThat(p.closeReason()).contains("disabled");
            JsonNode stats = server.api().get("/api/v1/admin/tracker/stats", server.api().adminToken()).json();
            assertThat(stats.get("enabled").asBoolean()).isFalse();
            assertThat(stats.get("refusals").get("p2p_disabled").asLong()).isEqualTo(1);
        }
    }
}
