package org.peerlet.backup;

import org.peerlet.db.Database;
import org.peerlet.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The running server's own backups: on the schedule the settings give ({@code backup_dir},
 * {@code backup_every}, {@code backup_keep}), at a quiet moment (no transcode waiting or running;
 * once a backup is a quarter of an interval late it runs anyway), or when an admin asks. One at a
 * time, on one thread; the oldest beyond {@code backup_keep} are removed after each.
 */
public final class BackupService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("backup");
    private static final Duration FIRST_LOOK = Duration.ofSeconds(5);
    private static final Duration LOOK_EVERY = Duration.ofMinutes(1);
    /** After a failure the schedule waits this long (or its interval, if shorter) before trying again. */
    private static final Duration RETRY = Duration.ofHours(1);

    /** What the settings ask: {@code folder} null for no backups; {@code every} null for no schedule. */
    public record Plan(Path folder, Duration every, int keep) {
    }

    /** What {@code GET /api/v1/admin/backups} answers. */
    public record Status(Plan plan, Long runningSince, BackupRuns.Run lastDone, List<BackupRuns.Run> recent, Long nextAt) {
    }

    private final BackupRuns runs;
    private final BackupWriter writer;
    private final Plan plan;
    private final BooleanSupplier quiet;
    private final Clock clock;
    private final AtomicLong runningSince = new AtomicLong();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /** @param quiet whether the server is idle enough for a scheduled backup now */
    public BackupService(Database db, Path dataDir, Plan plan, BooleanSupplier quiet, String version, Clock clock) {
        this.runs = new BackupRuns(db);
        this.writer = new BackupWriter(dataDir, db::snapshotTo, version, clock);
        this.plan = plan;
        this.quiet = quiet;
        this.clock = clock;
    }

    public void start() {
        if (plan.folder() == null || plan.every() == null) return;
        thread.scheduleWithFixedDelay(this::lookAtSchedule, FIRST_LOOK.toMillis(), LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Status status() {
        long since = runningSince.get();
        return new Status(plan, since == 0 ? null : since, runs.lastDone().orElse(null), runs.recent(10), nextAt());
    }

    /** An admin's "back up now": 409 without a backup folder or while one runs. */
    public void runNow() {
        if (plan.folder() == null) throw ApiError.conflict("no backup folder is set (setting backup_dir)");
        if (runningSince.get() != 0) throw ApiError.conflict("a backup is running");
        thread.execute(() -> run("admin"));
    }

    /** When the schedule next wants a backup; null without a schedule. */
    private Long nextAt() {
        if (plan.folder() == null || plan.every() == null) return null;
        List<BackupRuns.Run> last = runs.recent(1);
        if (last.isEmpty()) return clock.millis();
        BackupRuns.Run r = last.get(0);
        Duration wait = r.state().equals(BackupRuns.DONE) ? plan.every()
                : plan.every().compareTo(RETRY) < 0 ? plan.every() : RETRY;
        return r.finishedAt() + wait.toMillis();
    }

    private void lookAtSchedule() {
        try {
            Long next = nextAt();
            long now = clock.millis();
            if (next == null || now < next) return;
            boolean late = now >= next + plan.every().toMillis() / 4;
            if (quiet.getAsBoolean() || late) run("schedule");
        } catch (RuntimeException e) {
            LOG.warn("backup schedule: {}", e.toString());
        }
    }

    private void run(String trigger) {
        if (!runningSince.compareAndSet(0, clock.millis())) return;
        long started = runningSince.get();
        try {
            BackupWriter.Summary s = writer.write(plan.folder(), Progress.NONE);
            runs.record(BackupRuns.done(trigger, s, started, clock.millis()));
            LOG.info("{}", s.line());
            for (Path gone : BackupFolders.prune(plan.folder(), plan.keep())) LOG.info("backup {} removed (backup_keep={})", gone, plan.keep());
        } catch (Exception e) {
            String why = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            LOG.warn("backup to {} failed: {}", plan.folder(), why);
            runs.record(BackupRuns.failed(plan.folder().toString(), trigger, why, started, clock.millis()));
        } finally {
            runningSince.set(0);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            // A backup in flight reads the database: let it end its file before the database closes.
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
