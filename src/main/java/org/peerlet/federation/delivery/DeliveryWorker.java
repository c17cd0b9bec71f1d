package org.peerlet.federation.delivery;

import org.peerlet.db.Database;
import org.peerlet.federation.LocalActors;
import org.peerlet.federation.model.LocalActor;
import org.peerlet.federation.net.OutgoingHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;

/**
 * Sends queued deliveries: one thread claims due rows, a small pool posts them in parallel. A 2xx
 * removes the row; a failure schedules the next try from {@link Backoff}; a 4xx other than 408 and
 * 429, a refused address or the end of the table marks the row dead. State lives in SQLite, so a
 * restart (or kill -9) picks up where it stopped.
 *
 * <p>A host that fails is paused, for the same table's steps (up to an hour) as its failures
 * pile up: its other deliveries count a failed attempt and wait for the pause to end, without a
 * request. A home uplink does not spend itself, connection timeout after timeout, on an instance
 * that went away. The pause lives in memory: after a restart every host gets one more try.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("federation.delivery");
    private static final int BATCH = 64;
    private static final Duration MAX_PAUSE = Duration.ofHours(1);

    /** A host's run of failed deliveries, and until when it is left alone. */
    private record Pause(int failures, long until) {
    }

    private final Database db;
    private final DeliveryRepository repo = new DeliveryRepository();
    private final OutgoingHttp http;
    private final LocalActors actors;
    private final Clock clock;
    private final ExecutorService senders;
    private final Object lock = new Object();
    private final ConcurrentHashMap<String, Pause> paused = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong givenUp = new java.util.concurrent.atomic.AtomicLong();
    private final long pollMillis;
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    public DeliveryWorker(Database db, Outbox outbox, OutgoingHttp http, LocalActors actors,
                          Clock clock, int parallel, Duration poll) {
        this.db = db;
        this.http = http;
        this.actors = actors;
        this.clock = clock;
        this.pollMillis = poll.toMillis();
        this.senders = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "federation-send");
            t.setDaemon(true);
            return t;
        });
        outbox.onEnqueue(this::wake);
    }

    public void start() {
        int n = db.write(repo::requeueSending);
        if (n > 0) LOG.info("{} interrupted deliveries queued again", n);
        running = true;
        thread = new Thread(this::loop, "federation-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                List<DeliveryRepository.Delivery> due = db.write(tx -> repo.claimDue(tx, clock.millis(), BATCH));
                if (due.isEmpty()) {
                    synchronized (lock) {
                        if (!woken) lock.wait(pollMillis);
                        woken = false;
                    }
                    continue;
                }
                List<Future<?>> all = new ArrayList<>();
                for (DeliveryRepository.Delivery d : due) all.add(senders.submit(() -> send(d)));
                for (Future<?> f : all) f.get();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) return;
                LOG.warn("delivery loop: {}", e.toString());
                sleepQuietly(1000);
            }
        }
    }

    private void send(DeliveryRepository.Delivery d) {
        Pause pause = paused.get(d.host());
        if (pause != null && pause.until() > clock.millis()) {
            failed(d, d.host() + " is paused after " + pause.failures() + " failed deliveries", false, pause.until());
            return;
        }
        String error;
        boolean permanent = false;
        try {
            LocalActor.Kind kind = d.signerKind().equals("channel") ? LocalActor.Kind.CHANNEL : LocalActor.Kind.ACCOUNT;
            OutgoingHttp.Signer signer = actors.signer(kind, d.signerId());
            int status = http.post(d.inbox(), d.body().getBytes(StandardCharsets.UTF_8), signer);
            if (status >= 200 && status < 300) {
                paused.remove(d.host());
                db.writeVoid(tx -> repo.done(tx, d.id()));
                delivered.incrementAndGet();
                return;
            }
            error = "answered " + status;
            permanent = status >= 400 && status < 500 && status != 408 && status != 429;
            if (permanent) paused.remove(d.host()); // it answers: up, just refusing this one
        } catch (OutgoingHttp.RefusedException e) {
            error = e.getMessage();
            permanent = true;
        } catch (java.util.NoSuchElementException e) {
            error = "the signing actor is gone";
            permanent = true;
        } catch (Exception e) {
            error = e.toString();
        }
        failed(d, error, permanent, permanent ? 0 : pause(d.host()).until());
    }

    /**
     * Notes a failure of {@code host}. Failures while it is paused already (sent at the same
     * moment, say) do not lengthen the pause; the first failure after it does, a table step.
     */
    private Pause pause(String host) {
        long now = clock.millis();
        return paused.compute(host, (h, old) -> {
            if (old != null && old.until() > now) return old;
            int failures = old == null ? 1 : old.failures() + 1;
            Duration length = Backoff.after(failures).filter(w -> w.compareTo(MAX_PAUSE) < 0).orElse(MAX_PAUSE);
            return new Pause(failures, now + length.toMillis());
        });
    }

    /** Schedules the next try (not before {@code notBefore}), or gives up at the end of the table. */
    private void failed(DeliveryRepository.Delivery d, String err, boolean permanent, long notBefore) {
        int attempts = d.attempts() + 1;
        failures.incrementAndGet();
        Optional<Duration> wait = permanent ? Optional.empty() : Backoff.after(attempts);
        if (wait.isPresent()) {
            long when = Math.max(clock.millis() + wait.get().toMillis(), notBefore);
            db.writeVoid(tx -> repo.retryAt(tx, d.id(), attempts, when, err));
        } else {
            LOG.info("giving up delivery {} to {}: {}", d.id(), d.inbox(), err);
            givenUp.incrementAndGet();
            db.writeVoid(tx -> repo.dead(tx, d.id(), attempts, err));
        }
    }

    /** Since start: deliveries made, failed tries, deliveries given up; and those waiting now (the backlog). */
    public record Stats(long delivered, long failures, long givenUp, int backlog) {
    }

    public Stats stats() {
        return new Stats(delivered.get(), failures.get(), givenUp.get(), repo.backlog(db.dsl()));
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.shutdownNow();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
