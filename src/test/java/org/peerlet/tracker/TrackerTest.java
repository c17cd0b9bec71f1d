package org.peerlet.tracker;

import org.peerlet.testing.Await;
import org.peerlet.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestServer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerlet.tracker.WsPeer.announcement;
import static org.peerlet.tracker.WsPeer.offers;

class TrackerTest {
    static final MutableClock CLOCK = new MutableClock(java.time.Instant.ofEpochMilli(1_700_000_000_000L));
    static TestServer server;
    static Api api;
    static KnownSwarms known;
    static int videos;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("PEERLET_TRACKER_ANNOUNCES_PER_IP", "100000",
                "PEERLET_TRACKER_ANNOUNCES_PER_IP_PER_SWARM", "100000", "PEERLET_TRACKER_MAX_SOCKETS_PER_IP", "1000"), CLOCK);
        api = server.api();
        known = server.app().knownSwarms();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A fresh admitted swarm, derived as the player derives it. */
    static String admittedSwarm() {
        String hash = InfoHashes.forPlaylist(server.baseUrl() + "/static/streaming-playlists/hls/video-" + (++videos)
                + "/master.m3u8", 0);
        known.admit(hash);
        return hash;
    }

    static WsPeer peer() {
        return WsPeer.connect(server.baseUrl());
    }

    @Test
    void twoPeersInOneSwarmExchangeAnOfferAndAnAnswerThroughTheTracker() {
        String swarm = admittedSwarm();
        try (WsPeer a = peer(); WsPeer b = peer()) {
            JsonNode first = a.announce(swarm, "event", "started", "numwant", 10, "offers", List.of());
            assertThat(first.get("action").asText()).isEqualTo("announce");
            assertThat(first.get("interval").asInt()).isEqualTo(120);
            assertThat(first.get("info_hash").asText()).isEqualTo(swarm);
            assertThat(first.get("complete").asInt()).isZero();
            assertThat(first.get("incomplete").asInt()).isEqualTo(1);

            JsonNode second = b.announce(swarm, "event", "started", "numwant", 2, "offers", offers(2, "b-offer-"));
            assertThat(second.get("incomplete").asInt()).isEqualTo(2);

            JsonNode offer = a.next();
            assertThat(offer.get("action").asText()).isEqualTo("announce");
            assertThat(offer.get("peer_id").asText()).isEqualTo(b.peerId);
            assertThat(offer.get("info_hash").asText()).isEqualTo(swarm);
            assertThat(offer.get("offer").get("sdp").asText()).startsWith("v=0 b-offer-");
            String offerId = offer.get("offer_id").asText();
            assertThat(a.poll(200)).as("only one other peer, so only one offer is relayed").isNull();

            a.send(announcement(swarm, a.peerId, "to_peer_id", b.peerId, "offer_id", offerId,
                    "answer", Map.of("type", "answer", "sdp", "v=0 a-answer")));
            assertThat(a.next().get("interval").asInt()).as("an answer is answered like an announce").isEqualTo(120);
            JsonNode answer = b.next();
            assertThat(answer.get("action").asText()).isEqualTo("announce");
            assertThat(answer.get("answer").get("sdp").asText()).isEqualTo("v=0 a-answer");
            assertThat(answer.get("offer_id").asText()).isEqualTo(offerId);
            assertThat(answer.get("peer_id").asText()).isEqualTo(a.peerId);
            assertThat(answer.get("info_hash").asText()).isEqualTo(swarm);
        }
    }

    @Test
    void eachOfferGoesToADistinctPeerAndAtMostTenAreUsed() {
        String swarm = admittedSwarm();
        List<WsPeer> others = new java.util.ArrayList<>();
        try (WsPeer newcomer = peer()) {
            for (int i = 0; i < 12; i++) {
                WsPeer p = peer();
                others.add(p);
                p.announce(swarm, "event", "started");
            }
            JsonNode reply = newcomer.announce(swarm, "event", "started", "numwant", 15, "offers", offers(15, "n"));
            assertThat(reply.get("incomplete").asInt()).isEqualTo(13);
            Set<String> offerIds = new HashSet<>();
            int receivers = 0;
            for (WsPeer p : others) {
                JsonNode got = p.poll(receivers < 10 ? 2000 : 200);
                if (got == null) continue;
                receivers++;
                assertThat(got.get("peer_id").asText()).isEqualTo(newcomer.peerId);
                offerIds.add(got.get("offer_id").asText());
                assertThat(p.poll(50)).as("one offer per peer").isNull();
            }
            assertThat(receivers).isEqualTo(10);
            assertThat(offerIds).hasSize(10);
        } finally {
            others.forEach(WsPeer::close);
        }
    }

    @Test
    void anUnknownInfoHashIsRefusedAndRepeatedRefusalsCloseTheSocket() {
        String unknown = InfoHashes.forPlaylist("https://elsewhere.example/master.m3u8", 0);
        try (WsPeer p = peer()) {
            JsonNode r = p.announce(unknown, "event", "started", "offers", offers(1, "x"));
            assertThat(r.get("action").asText()).isEqualTo("announce");
            assertThat(r.get("failure reason").asText()).isEqualTo("unknown info_hash");
            assertThat(r.get("info_hash").asText()).isEqualTo(unknown);
            for (int i = 1; i < 5; i++) p.announce(unknown);
            assertThat(p.awaitClose()).isEqualTo(CloseCodes.UNKNOWN_INFO_HASHES);
            assertThat(p.closeReason()).contains("unknown info_hash");
        }
        try (WsPeer q = peer()) {
            assertThat(q.announce(admittedSwarm(), "event", "started").has("failure reason"))
                    .as("others are still served").isFalse();
        }
    }

    @Test
    void aStoppedPeerLeavesTheSwarmAndAClosedSocketTakesItsPeersAlong() {
        String swarm = admittedSwarm();
        try (WsPeer a = peer(); WsPeer b = peer(); WsPeer watcher = peer()) {
            a.announce(swarm, "event", "started");
            b.announce(swarm, "event", "started");
            assertThat(scrape(watcher, swarm).get("incomplete").asInt()).isEqualTo(2);

            JsonNode r = a.announce(swarm, "event", "stopped");
            assertThat(r.get("incomplete").asInt()).isEqualTo(1);
            assertThat(scrape(watcher, swarm).get("incomplete").asInt()).isEqualTo(1);

            b.close();
            eventually(() -> scrape(watcher, swarm).get("incomplete").asInt() == 0);
        }
    }

    @Test
    void aPeerIdCannotBeStoppedOrTakenOverFromAnotherSocket() {
        String swarm = admittedSwarm();
        try (WsPeer a = peer(); WsPeer intruder = peer()) {
            a.announce(swarm, "event", "started");
            intruder.send(announcement(swarm, a.peerId, "event", "stopped"));
            assertThat(intruder.next().has("failure reason")).isTrue();
            intruder.send(announcement(swarm, a.peerId, "event", "started"));
            assertThat(intruder.next().get("failure reason").asText()).contains("peer_id already in use");
            assertThat(scrape(a, swarm).get("incomplete").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aSocketAloneInItsSwarmThatChangesItsPeerIdStaysFindable() {
        String swarm = admittedSwarm();
        try (WsPeer a = peer(); WsPeer b = peer()) {
            a.announce(swarm, "event", "started");
            String renamed = WsPeer.randomBinary();
            a.send(announcement(swarm, renamed, "event", "started"));
            assertThat(a.next().get("incomplete").asInt()).as("the old peer id left, the new one counts").isEqualTo(1);

            JsonNode r = b.announce(swarm, "event", "started", "offers", offers(1, "b"));
            assertThat(r.get("incomplete").asInt()).isEqualTo(2);
            JsonNode offer = a.next();
            assertThat(offer.get("peer_id").asText()).isEqualTo(b.peerId);
            assertThat(offer.get("offer").get("sdp").asText()).isEqualTo("v=0 b0");
        }
    }

    @Test
    void silentPeersExpireWhenTheClockPassesThePeerTimeout() {
        String swarm = admittedSwarm();
        String other = admittedSwarm();
        try (WsPeer a = peer(); WsPeer b = peer(); WsPeer idle = peer(); WsPeer watcher = peer()) {
            a.announce(swarm, "event", "started");
            b.announce(other, "event", "started");
            CLOCK.advance(Duration.ofSeconds(200));
            b.announce(other);
            CLOCK.advance(Duration.ofSeconds(101));
            JsonNode files = scrape(watcher, swarm, other);
            assertThat(files.get(swarm).get("incomplete").asInt()).as("lazily expired on scrape").isZero();
            assertThat(files.get(other).get("incomplete").asInt()).as("announced 101 s ago").isEqualTo(1);

            CLOCK.advance(Duration.ofSeconds(200));
            server.app().tracker().sweep();
            assertThat(scrape(watcher, other).get("incomplete").asInt()).as("expired by the sweep").isZero();
            assertThat(idle.awaitClose()).as("a socket in no swarm, silent too long").isEqualTo(CloseCodes.IDLE);
        }
    }

    @Test
    void scrapeCountsSeedersLeechersAndCompletions() {
        String swarm = admittedSwarm();
        try (WsPeer seeder = peer(); WsPeer finisher = peer(); WsPeer leecher = peer()) {
            seeder.announce(swarm, "event", "started", "left", 0);
            finisher.announce(swarm, "event", "started", "left", 1000);
            JsonNode done = finisher.announce(swarm, "event", "completed", "left", 0);
            assertThat(done.get("complete").asInt()).isEqualTo(2);
            JsonNode r = leecher.announce(swarm, "event", "started");
            assertThat(r.get("complete").asInt()).isEqualTo(2);
            assertThat(r.get("incomplete").asInt()).isEqualTo(1);

            leecher.send(Map.of("action", "scrape", "info_hash", swarm));
            JsonNode single = leecher.next();
            assertThat(single.get("action").asText()).isEqualTo("scrape");
            JsonNode f = single.get("files").get(swarm);
            assertThat(f.get("complete").asInt()).isEqualTo(2);
            assertThat(f.get("incomplete").asInt()).isEqualTo(1);
            assertThat(f.get("downloaded").asInt()).isEqualTo(1);

            String nobody = admittedSwarm();
            JsonNode both = scrape(leecher, swarm, nobody);
            assertThat(both.get(nobody).get("complete").asInt()).isZero();
            assertThat(both.get(swarm).get("complete").asInt()).isEqualTo(2);
        }
    }

    @Test
    void oneSocketMayBeInSeveralSwarms() {
        String one = admittedSwarm();
        String two = admittedSwarm();
        try (WsPeer p = peer(); WsPeer other = peer()) {
            p.announce(one, "event", "started");
            p.send(announcement(two, WsPeer.randomBinary(), "event", "started"));
            assertThat(p.next().get("info_hash").asText()).isEqualTo(two);
            JsonNode files = scrape(other, one, two);
            assertThat(files.get(one).get("incomplete").asInt()).isEqualTo(1);
            assertThat(files.get(two).get("incomplete").asInt()).isEqualTo(1);
            p.close();
            eventually(() -> scrape(other, one, two).get(two).get("incomplete").asInt() == 0);
        }
    }

    @Test
    void malformedMessagesAreAnsweredWithAnErrorAndTheTrackerKeepsServing() {
        String swarm = admittedSwarm();
        try (WsPeer bad = peer()) {
            assertFailure(bad, "{not json", "invalid JSON");
            assertFailure(bad, "[1,2]", "JSON object");
            assertFailure(bad, Map.of("action", "dance"), "invalid action");
            assertFailure(bad, Map.of("action", 7), "invalid action");
            assertFailure(bad, announcement(swarm.substring(1), bad.peerId), "invalid info_hash");
            assertFailure(bad, announcement(swarm + "x", bad.peerId), "invalid info_hash");
            assertFailure(bad, announcement("\u0100" + swarm.substring(1), bad.peerId), "invalid info_hash");
            assertFailure(bad, Map.of("action", "announce", "info_hash", swarm, "peer_id", 12345), "invalid peer_id");
            assertFailure(bad, announcement(swarm, bad.peerId, "offers", "many"), "offers must be an array");
            assertFailure(bad, announcement(swarm, bad.peerId, "offers", List.of(Map.of("offer_id", "x"))), "offer object");
            assertFailure(bad, announcement(swarm, bad.peerId, "event", 3), "invalid event");
            assertFailure(bad, announcement(swarm, bad.peerId, "answer", Map.of("sdp", "x"), "offer_id", "o"), "to_peer_id");
            assertFailure(bad, Map.of("action", "scrape"), "scrape needs info_hash");
            String hugeSdp = "a".repeat(70 * 1024);
            assertFailure(bad, announcement(swarm, bad.peerId, "offers",
                    List.of(Map.of("offer", Map.of("type", "offer", "sdp", hugeSdp), "offer_id", "o"))), "too large");
            assertThat(bad.isClosed()).as("a few mistakes do not close the socket").isFalse();
            assertThat(scrape(bad, swarm).get("incomplete").asInt()).as("nothing joined").isZero();

            try (WsPeer good = peer()) {
                assertThat(good.announce(swarm, "event", "started").get("incomplete").asInt()).isEqualTo(1);
            }
            for (int i = 0; i < 30 && !bad.isClosed(); i++) {
                try {
                    bad.send("{oops");
                } catch (AssertionError closedMeanwhile) {
                    break;
                }
            }
            assertThat(bad.awaitClose()).as("but many do").isEqualTo(CloseCodes.TOO_MANY_BAD_MESSAGES);
        }
    }

    @Test
    void aMessageAboveTheHardCapMakesJettyCloseTheSocket() {
        try (WsPeer p = peer()) {
            p.sendUntilClosed("{\"action\":\"announce\",\"x\":\"" + "a".repeat(300 * 1024) + "\"}");
            assertThat(p.awaitClose()).isEqualTo(1009);
        }
        try (WsPeer q = peer()) {
            assertThat(q.announce(admittedSwarm(), "event", "started").has("failure reason")).isFalse();
        }
    }

    @Test
    void forgettingAnInfoHashDropsItsSwarmAndRefusesLaterAnnounces() {
        String swarm = admittedSwarm();
        try (WsPeer p = peer(); WsPeer watcher = peer()) {
            p.announce(swarm, "event", "started");
            known.forget(swarm);
            assertThat(scrape(watcher, swarm).get("incomplete").asInt()).isZero();
            assertThat(p.announce(swarm).get("failure reason").asText()).isEqualTo("unknown info_hash");
        }
    }

    @Test
    void theStatsEndpointNeedsAnAdminAndCountsRefusals() {
        String user = api.createUser(api.adminToken(), "viewer", "viewer-secret");
        assertThat(api.get("/api/v1/admin/tracker/stats").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/tracker/stats", user).status()).isEqualTo(403);

        long before = stats().get("refusals").get("unknown_info_hash").asLong();
        String swarm = admittedSwarm();
        try (WsPeer p = peer()) {
            p.announce(InfoHashes.forPlaylist("https://elsewhere.example/other.m3u8", 3));
            p.announce(swarm, "event", "started");
            JsonNode s = stats();
            assertThat(s.get("enabled").asBoolean()).isTrue();
            assertThat(s.get("refusals").get("unknown_info_hash").asLong()).isEqualTo(before + 1);
            assertThat(s.get("swarms").asInt()).isPositive();
            assertThat(s.get("peers").asInt()).isPositive();
            assertThat(s.get("sockets").asInt()).isPositive();
            assertThat(s.get("admittedInfoHashes").asInt()).isEqualTo(known.size());
            assertThat(s.get("messagesLastMinute").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(s.get("intervalSeconds").asInt()).isEqualTo(120);
        }
    }

    static JsonNode stats() {
        Api.Res r = api.get("/api/v1/admin/tracker/stats", api.adminToken());
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    static void assertFailure(WsPeer p, Object message, String reasonPart) {
        p.send(message);
        JsonNode r = p.next();
        assertThat(r.has("failure reason")).as("answer to %s: %s", message instanceof String ? message : "a map", r).isTrue();
        assertThat(r.get("failure reason").asText()).contains(reasonPart);
    }

    static JsonNode scrape(WsPeer p, String hash) {
        return scrape(p, new String[]{hash}).get(hash);
    }

    static JsonNode scrape(WsPeer p, String... hashes) {
        p.send(Map.of("action", "scrape", "info_hash", List.of(hashes)));
        JsonNode r = p.next();
        assertThat(r.get("action").asText()).isEqualTo("scrape");
        return r.get("files");
    }

    static void eventually(Supplier<Boolean> condition) {
        Await.until("the tracker's state follows", Duration.ofSeconds(5), condition::get);
    }
}
