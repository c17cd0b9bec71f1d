package org.peerlet.backup;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.peerlet.common.Times;
import org.peerlet.http.Access;
import org.peerlet.http.RouteGroup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peerlet's own admin routes for backups: {@code GET /api/v1/admin/backups} (the plan, whether one
 * runs, the last that succeeded and the recent ones) and {@code POST} (back up now, 202).
 */
public final class BackupRoutes implements RouteGroup {
    private final BackupService backups;

    public BackupRoutes(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/admin/backups", this::status, Access.ADMIN);
        r.post("/api/v1/admin/backups", this::now, Access.ADMIN);
    }

    private void status(Context ctx) {
        BackupService.Status s = backups.status();
        BackupService.Plan p = s.plan();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folder", p.folder() == null ? null : p.folder().toString());
        out.put("every", p.every() == null ? null : p.every().toHours() + "h");
        out.put("keep", p.keep());
        out.put("running", s.runningSince() != null);
        out.put("runningSince", s.runningSince() == null ? null : Times.iso(s.runningSince()));
        out.put("nextAt", s.nextAt() == null ? null : Times.iso(s.nextAt()));
        out.put("lastDone", s.lastDone() == null ? null : json(s.lastDone()));
        out.put("recent", s.recent().stream().map(BackupRoutes::json).toList());
        ctx.json(out);
    }

    private void now(Context ctx) {
        backups.runNow();
        ctx.status(202).json(Map.of("started", true));
    }

    private static Map<String, Object> json(BackupRuns.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", r.folder());
        m.put("trigger", r.trigger());
        m.put("state", r.state());
        m.put("message", r.message());
        m.put("files", r.files());
        m.put("bytesCopied", r.bytesCopied());
        m.put("bytesLinked", r.bytesLinked());
        m.put("startedAt", Times.iso(r.startedAt()));
        m.put("finishedAt", Times.iso(r.finishedAt()));
        return m;
    }
}
