package org.peerlet.bench;

import com.sun.net.httpserver.HttpServer;
import org.peerlet.common.Times;
import org.peerlet.db.Database;
import org.peerlet.db.Migrator;
import org.peerlet.federation.LocalActors;
import org.peerlet.federation.delivery.DeliveryWorker;
import org.peerlet.federation.delivery.Outbox;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.testing.Sql;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.federation.signature.Digests;
import org.peerlet.federation.signature.HttpSignatures;
import org.peerlet.federation.signature.Keys;
import org.peerlet.federation.signature.SignatureVerifier;
import org.peerlet.instance.Urls;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Federation benchmark, run by {@code bench/federation.sh} (or
 * {@code java -cp target/classes:target/test-classes:<deps> org.peerlet.bench.FederationBench [N] [FOLLOWERS]}):
 * <ol>
 *   <li>inbox signature checks per second: N activities signed (rsa-sha256, Digest), then verified
 *       with the inbox's verifier, against a baseline of plain SHA-256 digests of the same bodies;</li>
 *   <li>fan-out: one Create queued to FOLLOWERS follower inboxes (SQLite outbox, real worker, real
 *       signing HTTP client) until a loopback sink has counted every POST; heap and RSS after.</li>
 * </ol>
 */
public final class FederationBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int followers = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        signatures(n);
        fanOut(followers);
        System.exit(0);
    }

    static byte[] activity(int i) {
        String pad = "x".repeat(1200);
        return ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Create\",\"id\":\"https://a.example/act/" + i
                + "\",\"actor\":\"https://a.example/accounts/alice\",\"object\":{\"type\":\"Note\",\"id\":\"https://a.example/n/" + i
                + "\",\"content\":\"" + pad + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    static void signatures(int n) {
        KeyPair key = Keys.generate();
        URI uri = URI.create("https://b.example/inbox");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) bodies.add(activity(i));
        // warm-up
        for (int i = 0; i < 200; i++) HttpSignatures.sign("POST", uri, bodies.get(i % n), "k", key.getPrivate(), Clock.systemUTC().instant());

        long t0 = System.nanoTime();
        List<Map<String, String>> signed = new ArrayList<>();
        for (byte[] b : bodies) signed.add(HttpSignatures.sign("POST", uri, b, "https://a.example/accounts/alice#main-key",
                key.getPrivate(), Clock.systemUTC().instant()));
        double signSecs = (System.nanoTime() - t0) / 1e9;

        SignatureVerifier verifier = new SignatureVerifier(Clock.systemUTC(), Duration.ofSeconds(1800), Times.ticker(Clock.systemUTC()));
        SignatureVerifier.ActorKey ak = new SignatureVerifier.ActorKey("k", "https://a.example/accounts/alice", key.getPublic());
        SignatureVerifier.KeyResolver resolver = (id, refresh) -> Optional.of(ak);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            h.putAll(signed.get(i));
            h.put("host", "b.example");
            verifier.verify(new SignatureVerifier.Request("POST", "/inbox", h::get, bodies.get(i)), resolver);
        }
        double verifySecs = (System.nanoTime() - t0) / 1e9;

        for (int i = 0; i < 2000; i++) Digests.sha256(bodies.get(i % n));
        t0 = System.nanoTime();
        long sink = 0;
        for (byte[] b : bodies) sink += Digests.sha256(b)[0];
        double digestSecs = (System.nanoTime() - t0) / 1e9;

        System.out.printf("signatures: %d activities of %d bytes%n", n, bodies.get(0).length);
        System.out.printf("  sign          %10.0f /s%n", n / signSecs);
        System.out.printf("  verify        %10.0f /s  (header parse, date, Digest, RSA verify, replay check)%n", n / verifySecs);
        System.out.printf("  sha-256 only  %10.0f /s  (baseline)%n", n / digestSecs);
        System.out.printf("  ratio verify/baseline %.4f (baseline is %.0fx faster)%s%n", digestSecs / verifySecs,
                verifySecs / digestSecs, sink == 42 ? " " : "");
    }

    static void fanOut(int followers) throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpServer sinkServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        sinkServer.setExecutor(Executors.newFixedThreadPool(8));
        sinkServer.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        sinkServer.start();
        String sink = "http://127.0.0.1:" + sinkServer.getAddress().getPort();

        Path dir = Files.createTempDirectory("fedbench");
        Database db = new Database(dir.resolve("bench.db"));
        new Migrator(db, org.peerlet.Version.VERSION).migrate();
        Clock clock = Clock.systemUTC();
        Urls urls = new Urls("http://localhost:1", "localhost:1");
        LocalActors local = new LocalActors(db, urls, new org.peerlet.account.AccountDirectory(db),
                new org.peerlet.channel.ChannelService(db, new org.peerlet.account.AccountDirectory(db), clock), clock);
        LocalActor me = local.instance();
        local.signer(me); // key made before timing
        Path file = dir.resolve("bench.db");
        for (int i = 0; i < followers; i++) {
            String url = sink + "/users/f" + i;
            Sql.update(file, "INSERT INTO remote_actors (url, type, host, username, inbox, key_id, fetched_at) "
                    + "VALUES (?, 'Person', '127.0.0.1', ?, ?, ?, 0)", url, "f" + i, url + "/inbox", url + "#main-key");
            Sql.update(file, "INSERT INTO follows (follower, following, local_follower, state, created_at, updated_at) "
                    + "VALUES (?, ?, 0, 'accepted', 0, 0)", url, me.url());
        }
        OutgoingHttp http = new OutgoingHttp(true, true, h -> false, clock, "bench");
        Outbox outbox = new Outbox(db, clock);
        DeliveryWorker worker = new DeliveryWorker(db, outbox, http, local, clock, 8, Duration.ofMillis(500));
        worker.start();
        String body = new String(activity(1), StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        List<String> inboxes = java.util.stream.IntStream.range(0, followers).mapToObj(i -> sink + "/users/f" + i + "/inbox").toList();
        outbox.enqueue(me, body, inboxes);
        long queued = System.nanoTime();
        while (posts.get() < followers) Thread.sleep(5);
        while (Sql.number(file, "SELECT count(*) FROM deliveries WHERE state = ?", "pending") + Sql.number(file, "SELECT count(*) FROM deliveries WHERE state = ?", "sending") > 0) Thread.sleep(5);
        long done = System.nanoTime();

        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        System.out.printf("fan-out: one Create to %d follower inboxes (distinct, no shared inbox)%n", followers);
        System.out.printf("  queued in     %8.1f ms (follower query + %d outbox rows, one transaction)%n", (queued - t0) / 1e6, inboxes.size());
        System.out.printf("  all delivered %8.1f ms (%.0f deliveries/s, signed, 8 parallel senders)%n", (done - t0) / 1e6,
                followers / ((done - t0) / 1e9));
        System.out.printf("  heap used after GC %d MB, %s%n", heapMb, rss);
        worker.close();
        sinkServer.stop(0);
        db.close();
    }
}
