package org.peerlet.federation;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.federation.signature.HttpSignatures;
import org.peerlet.federation.signature.Keys;
import org.peerlet.testing.Api;
import org.peerlet.testing.TestClips;
import org.peerlet.testing.TestFiles;
import org.peerlet.testing.TestServer;
import org.peerlet.testing.Uploads;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outgoing client never reaches internal addresses, plain http or blocked hosts in production
 * mode, whatever form the address takes: IPv6 forms that carry an IPv4 address inside are judged
 * by that address, and the requests an outsider can provoke (a signed inbox POST, a subscription,
 * a share) are refused before any connection.
 */
class OutgoingRequestsRefuseInternalAddresses {
    /** IPv6 literals whose embedded IPv4 address is loopback, link-local (cloud metadata) or private. */
    static final List<String> EMBEDDED_INTERNAL = List.of(
            "::127.0.0.1", "::a9fe:a9fe", "::10.0.0.1",                               // IPv4-compatible
            "::ffff:127.0.0.1", "::ffff:a9fe:a9fe", "::ffff:192.168.1.1",             // IPv4-mapped
            "::ffff:0:7f00:1",                                                         // IPv4-translated (SIIT)
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.1.2.3",             // NAT64, well-known prefix
            "64:ff9b:1::7f00:1", "64:ff9b:1:a9fe:a9fe::", "64:ff9b:1::5db8:d70e",     // NAT64 local-use: all of it
            "2002:7f00:1::1", "2002:a9fe:a9fe::1", "2002:c0a8:101::1",                // 6to4
            "2001:0:4136:e378:8000:63bf:80ff:fffe",                                   // Teredo, client 127.0.0.1
            "2001:0:a00:1:8000:63bf:a247:28f1");                                      // Teredo, server 10.0.0.1
    /** Other IPv6 addresses no public server has. */
    static final List<String> V6_INTERNAL = List.of("::", "::1", "fe80::1", "fd00::1", "fc00::1", "ff02::1", "100::1",
            "2001:db8::1", "2001:2::1", "3fff::1", "fec0::1");
    /** Public addresses, plain and embedded: still fetched. */
    static final List<String> PUBLIC = List.of("93.184.215.14", "[2606:4700:4700::1111]", "[2a00:1450:4001:82a::200e]",
            "[::ffff:93.184.215.14]", "[64:ff9b::5db8:d70e]", "[2002:5db8:d70e::1]", "[2001:0:4136:e378:8000:63bf:a247:28f1]");

    final OutgoingHttp strict = new OutgoingHttp(false, false, h -> h.equals("blocked.example"), Clock.systemUTC(), "t");
    final OutgoingHttp dev = new OutgoingHttp(true, true, h -> false, Clock.systemUTC(), "t");

    @Test
    void privateLoopbackLinkLocalAndUniqueLocalAddressesAreRefused() {
        for (String u : new String[]{"https://127.0.0.1/", "https://10.1.2.3/", "https://192.168.1.1/", "https://172.16.0.1/",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::ffff:127.0.0.1]/", "https://localhost/"}) {
            assertThatThrownBy(() -> strict.check(URI.create(u))).as(u).isInstanceOf(OutgoingHttp.RefusedException.class);
        }
    }

    @Test
    void ipv6FormsThatEmbedAnInternalIpv4AddressAreRefused() {
        for (String a : EMBEDDED_INTERNAL) {
            assertThatThrownBy(() -> strict.check(URI.create("https://[" + a + "]/"))).as(a)
                    .isInstanceOf(OutgoingHttp.RefusedException.class).hasMessageContaining("internal address");
        }
    }

    @Test
    void otherNonPublicIpv6RangesAreRefused() {
        for (String a : V6_INTERNAL) {
            assertThatThrownBy(() -> strict.check(URI.create("https://[" + a + "]/"))).as(a)
                    .isInstanceOf(OutgoingHttp.RefusedException.class).hasMessageContaining("internal address");
        }
    }

    @Test
    void ordinaryPublicAddressesAndPublicEmbeddedOnesAreStillFetched() {
        for (String a : PUBLIC) assertThatCode(() -> strict.check(URI.create("https://" + a + "/"))).as(a).doesNotThrowAnyException();
    }

    @Test
    void aNameThatResolvesToAnEmbeddedInternalAddressIsRefused() throws Exception {
        for (String a : EMBEDDED_INTERNAL) {
            InetAddress answer = InetAddress.getByName(a);
            OutgoingHttp.NameService names = host -> new InetAddress[]{InetAddress.getByAddress(host, answer.getAddress())};
            try (OutgoingHttp http = new OutgoingHttp(false, false, h -> false, Clock.systemUTC(), "t", names)) {
                assertThatThrownBy(() -> http.check(URI.create("https://peer.test/"))).as(a)
                        .isInstanceOf(OutgoingHttp.RefusedException.class).hasMessageContaining("internal address");
            }
        }
    }

    @Test
    void developmentModeAllowsThisMachinesLoopbackButNotLoopbackEmbeddedForATranslator() {
        assertThatCode(() -> dev.check(URI.create("http://[::ffff:127.0.0.1]:9000/"))).doesNotThrowAnyException();
        for (String a : List.of("::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:80ff:fffe")) {
            assertThatThrownBy(() -> dev.check(URI.create("http://[" + a + "]/"))).as(a).isInstanceOf(OutgoingHttp.RefusedException.class);
        }
    }

    @Test
    void plainHttpAndBlockedHostsAreRefused() {
        assertThatThrownBy(() -> strict.check(URI.create("http://93.184.215.14/"))).isInstanceOf(OutgoingHttp.RefusedException.class);
        assertThatThrownBy(() -> strict.check(URI.create("https://blocked.example/"))).isInstanceOf(OutgoingHttp.RefusedException.class);
        assertThatCode(() -> strict.check(URI.create("https://93.184.215.14/"))).doesNotThrowAnyException();
    }

    @Test
    void developmentModeAllowsLoopbackButStillNotPrivateNetworks() {
        assertThatCode(() -> dev.check(URI.create("http://127.0.0.1:9000/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> dev.check(URI.create("http://10.0.0.1/"))).isInstanceOf(OutgoingHttp.RefusedException.class);
    }

    @Test
    void aNameThatTurnsPrivateBetweenCheckAndConnectReachesNothing() throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpServer lan = lanServer(hosts);
        // A rebinding name server: a public address to the first question, the LAN to the next ones.
        AtomicInteger asked = new AtomicInteger();
        OutgoingHttp.NameService rebinding = host -> new InetAddress[]{asked.getAndIncrement() == 0
                ? InetAddress.getByAddress(host, new byte[]{93, (byte) 184, (byte) 215, 14})
                : InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1})};
        try (OutgoingHttp http = new OutgoingHttp(true, false, h -> false, Clock.systemUTC(), "t", rebinding)) {
            String url = "http://rebind.test:" + lan.getAddress().getPort() + "/admin";
            assertThatThrownBy(() -> http.get(url, null)).isInstanceOf(OutgoingHttp.RefusedException.class)
                    .hasMessageContaining("internal address");
            assertThat(asked.get()).as("looked up at check and again at connect").isGreaterThanOrEqualTo(2);
            assertThat(hosts).as("requests that reached the LAN server").isEmpty();
        } finally {
            lan.stop(0);
        }
    }

    @Test
    void connectionsGoToTheAddressesTheCheckedLookupGave() throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpServer peer = lanServer(hosts);
        // "peer.test" exists only in this name service: the request can only get through by its answer.
        OutgoingHttp.NameService names = host -> new InetAddress[]{InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1})};
        try (OutgoingHttp http = new OutgoingHttp(true, true, h -> false, Clock.systemUTC(), "t", names)) {
            int port = peer.getAddress().getPort();
            OutgoingHttp.Response r = http.get("http://peer.test:" + port + "/actor", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
            assertThat(hosts).containsExactly("peer.test:" + port);
        } finally {
            peer.stop(0);
        }
    }

    // ---- what an outsider or a user can make the server fetch, on production settings ----

    /** One of each embedding form, each carrying loopback or the cloud metadata address. */
    static final List<String> TRIGGERS = List.of("::127.0.0.1", "::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b:1::a9fe:a9fe",
            "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:80ff:fffe");

    @Test
    void anAnonymousInboxPostSignedWithAKeyOnSuchAnAddressIsRefusedBeforeAnyFetch() {
        try (TestServer server = TestServer.start()) {
            PrivateKey key = Keys.generate().getPrivate();
            for (String a : TRIGGERS) {
                String actor = "https://[" + a + "]/users/mallory";
                String body = Api.write(Map.of("@context", "https://www.w3.org/ns/activitystreams", "type", "Follow",
                        "id", actor + "/follows/1", "actor", actor, "object", server.baseUrl() + "/accounts/peerlet"));
                URI inbox = URI.create(server.baseUrl() + "/inbox");
                HttpRequest.Builder b = HttpRequest.newBuilder(inbox).header("Content-Type", "application/activity+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                HttpSignatures.sign("POST", inbox, body.getBytes(StandardCharsets.UTF_8), actor + "#main-key", key, Instant.now())
                        .forEach(b::header);
                Api.Res r = server.api().send(b);
                assertRefusedForItsAddress(a, r);
            }
        }
    }

    @Test
    void aSubscriptionToAChannelOnSuchAnAddressIsRefusedBeforeAnyFetch() {
        try (TestServer server = TestServer.start()) {
            String admin = server.api().adminToken();
            for (String a : TRIGGERS) {
                Api.Res r = server.api().postJson("/api/v1/users/me/subscriptions", admin, Map.of("uri", "news@[" + a + "]"));
                assertRefusedForItsAddress(a, r);
            }
        }
    }

    @Test
    void aShareWithSomeoneOnSuchAnAddressIsRefusedBeforeAnyFetch() throws Exception {
        Path dir = Files.createTempDirectory("outgoing-share");
        try (TestServer server = TestServer.start()) {
            String admin = server.api().adminToken();
            long id = new Uploads(server.api()).upload(admin, "Family", 3, TestClips.h264Aac(dir.resolve("c.mp4"), 160, 90, 0.5, 10));
            for (String a : TRIGGERS) {
                Api.Res r = server.api().postJson("/api/v1/videos/" + id + "/shares", admin, Map.of("handle", "grandma@[" + a + "]"));
                assertRefusedForItsAddress(a, r);
            }
            assertThat(server.api().get("/api/v1/videos/" + id + "/shares", admin).json().get("total").asInt()).isZero();
        } finally {
            TestFiles.deleteRecursively(dir);
        }
    }

    /** Refused (403) because of the address: the check that runs before any request was made. */
    private static void assertRefusedForItsAddress(String address, Api.Res r) {
        assertThat(r.status()).as(address + ": " + r).isEqualTo(403);
        assertThat(r.json().get("detail").asText()).as(address).contains("internal address");
    }

    /** A plain server on loopback that records the Host of each request it gets. */
    private static HttpServer lanServer(List<String> hosts) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
