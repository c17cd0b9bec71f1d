package org.peerlet.federation;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.peerlet.federation.net.OutgoingHttp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outgoing client never reaches internal addresses, plain http or blocked hosts in production mode. */
class OutgoingRequestsRefuseInternalAddresses {
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
