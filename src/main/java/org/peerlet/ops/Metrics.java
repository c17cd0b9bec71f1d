package org.peerlet.ops;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.peerlet.federation.delivery.DeliveryWorker;
import org.peerlet.tracker.Tracker;
import org.peerlet.transcode.TranscodeWorker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What {@code /metrics} tells a Prometheus scraper, kept by Micrometer's Prometheus registry:
 * requests and their latency by route group, uploads, the transcode queue and speed, the
 * tracker, federation's deliveries, and the JVM's memory. Built only when the setting turns it on.
 */
public final class Metrics {
    /** OpenMetrics, as Prometheus asks for it; the classic text format otherwise. */
    public static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter uploads;

    public Metrics(TranscodeWorker worker, Tracker tracker, DeliveryWorker delivery) {
        uploads = Counter.builder("peerlet.uploads").description("videos uploaded since start").register(registry);
        gauge("peerlet.transcode.queue", "transcoding jobs waiting", worker, w -> w.countJobs("waiting"));
        gauge("peerlet.transcode.running", "transcoding jobs running", worker, w -> w.countJobs("running"));
        counter("peerlet.transcode.jobs", "transcodes finished since start", worker, w -> w.throughput().jobs());
        counter("peerlet.transcode.media.seconds", "seconds of video transcoded since start", worker,
                w -> w.throughput().mediaSeconds());
        counter("peerlet.transcode.wall.seconds", "seconds spent transcoding since start", worker,
                w -> w.throughput().wallSeconds());
        gauge("peerlet.transcode.speed", "the last transcode's speed, x real time", worker, w -> w.throughput().lastSpeed());
        gauge("peerlet.tracker.peers", "peers in the tracker's swarms", tracker, t -> t.stats().peers());
        gauge("peerlet.tracker.swarms", "the tracker's swarms", tracker, t -> t.stats().swarms());
        gauge("peerlet.tracker.sockets", "open tracker WebSockets", tracker, t -> t.stats().sockets());
        gauge("peerlet.tracker.messages.per.second", "tracker messages received per second, over the last minute", tracker,
                t -> t.stats().messagesPerSecond());
        counter("peerlet.federation.deliveries", "activities delivered to other servers since start", delivery,
                d -> d.stats().delivered());
        counter("peerlet.federation.delivery.failures", "failed delivery attempts since start", delivery,
                d -> d.stats().failures());
        counter("peerlet.federation.deliveries.given.up", "deliveries given up since start", delivery, d -> d.stats().givenUp());
        gauge("peerlet.federation.backlog", "deliveries waiting", delivery, d -> d.stats().backlog());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", Metrics::residentBytes).baseUnit("bytes")
                .description("resident set size of the process").register(registry);
    }

    /** A request answered: counted and timed under its route group and status class. */
    public void answered(Context ctx, float ms) {
        Timer.builder("peerlet.http.requests").description("requests answered, by route group")
                .tag("group", group(ctx)).tag("status", ctx.status().getCode() / 100 + "xx")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(250),
                        Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(registry).record(Math.round(ms * 1000), TimeUnit.MICROSECONDS);
    }

    public void uploaded() {
        uploads.increment();
    }

    /** The text a scraper reads, OpenMetrics when its Accept header asks for it. */
    public String scrape(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? registry.scrape(OPENMETRICS) : registry.scrape();
    }

    /**
     * A route's group: the API's first segment ({@code /api/v1/videos}), else the path's first
     * ({@code /static}, {@code /inbox}); pages are "web". A few dozen values at most.
     */
    static String group(Context ctx) {
        Endpoint e;
        try {
            e = ctx.endpoints().lastHttpEndpoint();
        } catch (RuntimeException none) {
            e = null;
        }
        if (e == null || e.path == null) return "unmatched";
        String[] parts = e.path.split("/");
        if (parts.length > 3 && parts[1].equals("api")) return "/api/" + parts[2] + "/" + parts[3];
        if (parts.length < 2 || parts[1].isEmpty() || parts[1].startsWith("<")) return "web";
        return "/" + parts[1];
    }

    private <T> void gauge(String name, String help, T source, ToDoubleFunction<T> f) {
        Gauge.builder(name, source, f).description(help).register(registry);
    }

    private <T> void counter(String name, String help, T source, ToDoubleFunction<T> f) {
        FunctionCounter.builder(name, source, f).description(help).register(registry);
    }

    /** From /proc on Linux; 0 elsewhere. */
    private static double residentBytes() {
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(statm[1]) * 4096.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
