package org.peerlet;

import org.peerlet.config.Settings;
import org.peerlet.federation.delivery.DeliveryWorker;
import org.peerlet.http.RequestObserver;
import org.peerlet.http.RouteGroup;
import org.peerlet.ops.Health;
import org.peerlet.ops.Maintenance;
import org.peerlet.ops.Metrics;
import org.peerlet.ops.MetricsListener;
import org.peerlet.ops.OpsRoutes;
import org.peerlet.ops.StorageReport;
import org.peerlet.transcode.MediaEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running the instance for years, built from {@link App}'s parts: storage figures, maintenance,
 * the health probe and, when the setting turns them on, metrics (on the main port for admins,
 * or on a loopback port of their own).
 */
final class Operations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("metrics");

    private final Metrics metrics;
    private final MetricsListener listener;
    private final OpsRoutes routes;

    Operations(App a, MediaEngine engine, DeliveryWorker delivery) {
        boolean on = a.settings.get(Settings.METRICS_ENABLED);
        int port = a.settings.get(Settings.METRICS_PORT);
        this.metrics = on ? new Metrics(a.worker, a.tracker, delivery) : null;
        this.listener = on && port > 0 ? new MetricsListener(metrics, port) : null;
        this.routes = new OpsRoutes(a.videos, new Maintenance(a.videos, a.worker, a.media),
                new StorageReport(a.videos, a.media, a.disk), new Health(a.db, a.disk, engine, delivery),
                listener == null ? metrics : null);
    }

    RouteGroup routes() {
        return routes;
    }

    /** What the HTTP server tells of each answered request: nothing when metrics are off. */
    RequestObserver requests() {
        return metrics == null ? RequestObserver.NONE : metrics::answered;
    }

    void uploaded() {
        if (metrics != null) metrics.uploaded();
    }

    void start() {
        if (listener == null) return;
        listener.start();
        LOG.info("metrics at http://127.0.0.1:{}/metrics", listener.port());
    }

    @Override
    public void close() {
        if (listener != null) listener.close();
    }
}
