package org.peerlet.federation;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.account.AccountDirectory;
import org.peerlet.channel.ChannelService;
import org.peerlet.db.Database;
import org.peerlet.db.Migrator;
import org.peerlet.federation.delivery.DeliveryWorker;
import org.peerlet.federation.delivery.Outbox;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.instance.Urls;
import org.peerlet.testing.Await;
import org.peerlet.testing.MutableClock;
import org.peerlet.testing.Sql;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance that is down gets one request per pause, not one per queued activity. */
class DeadHostsArePausedNotHammered {
    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void deliveriesToAFailingHostWaitOutItsPauseThenAllArrive(@TempDir Path dir) throws Exception {
        AtomicInteger posts = new AtomicInteger();
        AtomicInteger status = new AtomicInteger(503);
        HttpServer remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        remote.start();
        String host = "http://127.0.0.1:" + remote.getAddress().getPort();

        MutableClock clock = MutableClock.startingNow();
        Database db = new Database(dir.resolve("peerlet.db"));
        new Migrator(db, org.peerlet.Version.VERSION).migrate();
        LocalActors actors = new LocalActors(db, new Urls("http://localhost:1", "localhost:1"), new AccountDirectory(db),
                new ChannelService(db, new AccountDirectory(db), clock), clock);
        LocalActor me = actors.instance();
        Outbox outbox = new Outbox(db, clock);
        try (OutgoingHttp http = new OutgoingHttp(true, true, h -> false, clock, "test");
             DeliveryWorker worker = new DeliveryWorker(db, outbox, http, actors, clock, 4, Duration.ofMillis(50))) {
            worker.start();
            outbox.enqueue(me, "{\"type\":\"Create\"}", List.of(host + "/users/a/inbox"));
            Path file = dir.resolve("peerlet.db");
            Await.until("the first delivery tried", WAIT, () -> tried(file) == 1);
            assertThat(posts.get()).isEqualTo(1);

            // Five more activities for the same host while it is paused: no request, each waits it out.
            outbox.enqueue(me, "{\"type\":\"Update\"}", List.of(host + "/users/b/inbox", host + "/users/c/inbox",
                    host + "/users/d/inbox", host + "/users/e/inbox", host + "/users/f/inbox"));
            Await.until("all six tried once", WAIT, () -> tried(file) == 6);
            assertThat(posts.get()).as("requests to the paused host").isEqualTo(1);
            assertThat(Sql.column(file, "SELECT next_attempt_at FROM deliveries"))
                    .allSatisfy(at -> assertThat(((Number) at).longValue()).isGreaterThanOrEqualTo(clock.millis() + 29_000));
            assertThat(Sql.text(file, "SELECT last_error FROM deliveries WHERE inbox LIKE '%/f/inbox'"))
                    .contains("paused after 1 failed deliveries");

            // Back up, and the pause (30 s, the first step of the retry table) over: everything arrives.
            status.set(202);
            clock.advance(Duration.ofSeconds(31));
            worker.wake();
            Await.until("all delivered", WAIT, () -> Sql.number(file, "SELECT count(*) FROM deliveries WHERE state = ?", "pending") + Sql.number(file, "SELECT count(*) FROM deliveries WHERE state = ?", "sending") == 0);
            assertThat(posts.get()).isEqualTo(7);
            assertThat(Sql.number(file, "SELECT count(*) FROM deliveries WHERE state = ?", "dead")).isZero();
        } finally {
            remote.stop(0);
            db.close();
        }
    }

    private static long tried(Path db) {
        return Sql.number(db, "SELECT count(*) FROM deliveries WHERE state = 'pending' AND attempts = 1");
    }
}
