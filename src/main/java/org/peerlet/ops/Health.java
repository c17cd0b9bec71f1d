package org.peerlet.ops;

import org.peerlet.db.Database;
import org.peerlet.federation.delivery.DeliveryWorker;
import org.peerlet.media.DiskSpace;
import org.peerlet.transcode.MediaEngine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a probe asks (systemd, a container runtime, an uptime checker): can the database answer,
 * is there room on the disk, could FFmpeg load, how many deliveries wait. Unhealthy answers 503.
 */
public final class Health {
    /** Deliveries waiting beyond this mean federation is stuck (or a server we follow is down for long). */
    static final int BACKLOG_LIMIT = 10_000;

    private final Database db;
    private final DiskSpace disk;
    private final MediaEngine engine;
    private final DeliveryWorker delivery;

    public Health(Database db, DiskSpace disk, MediaEngine engine, DeliveryWorker delivery) {
        this.db = db;
        this.disk = disk;
        this.engine = engine;
        this.delivery = delivery;
    }

    public record Report(boolean healthy, Map<String, Object> body) {
    }

    public Report check() {
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean database = database();
        checks.put("database", Map.of("ok", database));
        boolean room = !disk.low();
        checks.put("disk", Map.of("ok", room, "marginBytes", disk.marginBytes()));
        String natives = engine.natives();
        boolean ffmpeg = !natives.startsWith("unavailable");
        checks.put("ffmpeg", Map.of("ok", ffmpeg, "natives", natives));
        int backlog = database ? delivery.stats().backlog() : -1;
        boolean outbox = backlog >= 0 && backlog < BACKLOG_LIMIT;
        checks.put("outbox", Map.of("ok", outbox, "backlog", backlog));
        boolean healthy = database && room && ffmpeg && outbox;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "ok" : "failing");
        body.put("checks", checks);
        return new Report(healthy, body);
    }

    private boolean database() {
        try {
            return db.dsl().selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
