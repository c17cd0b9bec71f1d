package org.peerlet.transcode;

import org.peerlet.db.Database;
import org.peerlet.http.Json;
import org.peerlet.media.DiskSpace;
import org.peerlet.media.Images;
import org.peerlet.media.MediaLayout;
import org.peerlet.media.TorrentFiles;
import org.peerlet.video.Ladder;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the transcoding jobs kept in SQLite, a few at a time. A job writes into a work dir that
 * is renamed into place only when complete, so a half-written ladder is never served; after a
 * crash, running jobs are put back to wait and start again from clean.
 */
public final class TranscodeWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("transcode");
    /** Waits before retrying a job whose failure might pass: 30 s, 2 min, 10 min. */
    static final long[] BACKOFF_MILLIS = {30_000, 120_000, 600_000};
    /** A full disk is not the video's fault: its job waits this long, as often as needed, never failing for good. */
    static final long DISK_FULL_WAIT_MILLIS = 120_000;

    public record Config(List<Integer> rungs, String preset, int threads, int concurrency, boolean keepOriginal) {
    }

    private final Database db;
    private final JobRepository jobs = new JobRepository();
    private final VideoService videos;
    private final MediaLayout media;
    private final MediaEngine engine;
    private final DiskSpace disk;
    private final Config config;
    private final Clock clock;
    private final Map<Long, CancelToken> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object wake = new Object();
    private volatile boolean stopping;
    private final java.util.concurrent.atomic.AtomicLong transcoded = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.DoubleAdder mediaSeconds = new java.util.concurrent.atomic.DoubleAdder();
    private final java.util.concurrent.atomic.DoubleAdder wallSeconds = new java.util.concurrent.atomic.DoubleAdder();
    private volatile double lastSpeed;

    public TranscodeWorker(Database db, VideoService videos, MediaLayout media,
                           MediaEngine engine, DiskSpace disk, Config config, Clock clock) {
        this.db = db;
        this.disk = disk;
        this.videos = videos;
        this.media = media;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
    }

    public void start() {
        int n = db.write(tx -> jobs.requeueRunning(tx, clock.millis()));
        if (n > 0) LOG.info("{} interrupted transcoding job(s) will start again", n);
        for (int i = 0; i < config.concurrency(); i++) {
            Thread t = new Thread(this::loop, "transcode-" + i);
            t.setDaemon(true);
            // Transcoding is background work: the web must stay responsive.
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
            threads.add(t);
        }
    }

    /** Queues the transcoding of a new video in the caller's transaction; {@link #wake} once it commits. */
    public void enqueue(org.jooq.DSLContext tx, long videoId) {
        jobs.enqueue(tx, videoId, clock.millis());
    }

    /** A job was added: look now instead of at the next poll. */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Jobs in this state (all if null), newest first, for the admin. */
    public List<JobRepository.Job> jobs(String state, int start, int count) {
        return jobs.list(db.dsl(), state, start, count);
    }

    public int countJobs(String state) {
        return jobs.count(db.dsl(), state);
    }

    /** No transcode waits or runs: a quiet moment for heavy chores such as a backup. */
    public boolean idle() {
        return countJobs(JobRepository.WAITING) + countJobs(JobRepository.RUNNING) == 0;
    }

    public Optional<JobRepository.Job> latestJob(long videoId) {
        return jobs.latestForVideo(db.dsl(), videoId);
    }

    /** Runs a failed job again: 404 if there is none, 409 unless it failed. */
    public void retry(long jobId) {
        jobs.byId(db.dsl(), jobId).orElseThrow(() -> org.peerlet.http.ApiError.notFound("job not found"));
        if (!db.write(tx -> jobs.retry(tx, jobId, clock.millis()))) {
            throw org.peerlet.http.ApiError.conflict("only a failed job can be retried");
        }
        wake();
    }

    /**
     * Transcodes a video again from its original with the ladder settings now in force (an admin's
     * re-run): a job is queued, or a waiting one (after a full disk, say) runs now; a running one is left to finish.
     */
    public void rerun(long videoId) {
        long now = clock.millis();
        db.writeVoid(tx -> jobs.activeForVideo(tx, videoId).ifPresentOrElse(
                j -> jobs.runNow(tx, j.id(), now), () -> jobs.enqueue(tx, videoId, now)));
        wake();
    }

    /** Whether a job of this video waits or runs: its original is still needed. */
    public boolean busyWith(long videoId) {
        return jobs.activeForVideo(db.dsl(), videoId).isPresent();
    }

    /** Stops the job of this video, if one is running (the video is being deleted). */
    public void cancel(long videoId) {
        CancelToken t = running.get(videoId);
        if (t != null) t.cancel();
    }

    private void loop() {
        while (!stopping) {
            Optional<JobRepository.Job> job;
            try {
                job = db.write(tx -> jobs.claimNext(tx, clock.millis()));
            } catch (RuntimeException e) {
                if (stopping) return;
                LOG.warn("cannot read the job queue: {}", e.toString());
                job = Optional.empty();
            }
            if (job.isEmpty()) {
                synchronized (wake) {
                    try {
                        wake.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            try {
                run(job.get());
            } catch (RuntimeException e) { // the database refused the job's outcome (a full disk, say): it runs again at the next start
                LOG.warn("transcoding job {} left unrecorded: {}", job.get().id(), e.toString());
            }
        }
    }

    void run(JobRepository.Job job) {
        Optional<Video> found = videos.byId(db.dsl(), job.videoId());
        if (found.isEmpty() || found.get().originalFile() == null) {
            db.writeVoid(tx -> jobs.fail(tx, job.id(), "the video or its original file is gone", clock.millis()));
            return;
        }
        Video v = found.get();
        Path work = media.hlsWorkDir(v.uuid());
        CancelToken cancel = new CancelToken();
        running.put(v.id(), cancel);
        long started = System.nanoTime();
        try {
            MediaLayout.deleteTree(work);
            Files.createDirectories(work);
            TranscodeRequest request = new TranscodeRequest(media.resolve(v.originalFile()), work, config.rungs(),
                    config.preset(), TranscodeRequest.DEFAULT_GOP_SECONDS, 0, config.threads(), true);
            TranscodeResult result = engine.transcode(request, progressWriter(job.id()), cancel);
            // FFmpeg may not tell a segment cut short by a full disk: with (almost) nothing left, the output is not trusted.
            if (disk.nearlyFull()) throw new IOException("No space left on device after the transcode");
            publish(v, job, work, result);
            double wall = (System.nanoTime() - started) / 1e9;
            counted(result.durationSeconds(), wall);
            LOG.info("video {} transcoded to {} in {} s ({}x real time){}", v.uuid(),
                    result.rungs().stream().map(r -> r.resolution() + "p").toList(), Math.round(wall),
                    String.format(java.util.Locale.ROOT, "%.2f", lastSpeed),
                    result.truncated() ? " (truncated source: published what decodes)" : "");
        } catch (MediaException e) {
            MediaLayout.deleteTree(work);
            if (cancel.isCancelled() || stopping) {
                LOG.info("transcoding of {} stopped", v.uuid());
                if (stopping) db.writeVoid(tx -> jobs.retryLater(tx, job.id(), null, clock.millis(), clock.millis()));
                return;
            }
            if (!waitForRoom(v, job, e)) failed(v, job, e.getMessage(), e.permanent());
        } catch (IOException | RuntimeException e) {
            MediaLayout.deleteTree(work);
            if (stopping || waitForRoom(v, job, e)) return;
            if (e instanceof IOException) LOG.warn("transcoding of {} failed: {}", v.uuid(), e.toString());
            else LOG.warn("transcoding of {} failed", v.uuid(), e); // a bug: its trace helps
            failed(v, job, e.toString(), false);
        } finally {
            running.remove(v.id());
        }
    }

    private void publish(Video started, JobRepository.Job job, Path work, TranscodeResult result) throws IOException {
        // Read again: the owner may have set a picture while we worked; theirs wins over a frame.
        Video v = videos.byId(db.dsl(), started.id()).orElse(started);
        if (!v.hasThumbnail() && result.thumbnail() != null) {
            Images.storeScaled(work.resolve(result.thumbnail()), media.thumbnail(v.uuid()), Images.THUMBNAIL_WIDTH,
                    Images.THUMBNAIL_HEIGHT);
        }
        if (!v.hasPreview() && result.preview() != null) {
            Images.storeScaled(work.resolve(result.preview()), media.preview(v.uuid()), Images.PREVIEW_WIDTH,
                    Images.PREVIEW_HEIGHT);
        }
        Map<Integer, String> infoHashes = writeTorrents(v, work, result);
        Path target = media.hlsDir(v.uuid());
        Path old = target.resolveSibling(".old-" + v.uuid());
        if (Files.exists(target)) MediaLayout.moveAtomically(target, old);
        MediaLayout.moveAtomically(work, target);
        MediaLayout.deleteTree(old);
        Ladder ladder = ladder(result, infoHashes);
        boolean stillThere = db.write(tx -> {
            boolean there = videos.publish(tx, v.id(), ladder, (int) Math.round(result.durationSeconds()),
                    result.thumbnail() != null, result.preview() != null, !config.keepOriginal()).isPresent();
            if (there) jobs.finish(tx, job.id(), clock.millis());
            return there;
        });
        if (!stillThere) {
            media.deleteVideoFiles(v.uuid(), null); // deleted while we worked
            return;
        }
        if (!config.keepOriginal()) {
            try {
                Files.deleteIfExists(media.resolve(v.originalFile()));
            } catch (IOException e) {
                LOG.warn("could not drop the original of {}: {}", v.uuid(), e.toString());
            }
        }
    }

    /** Each rung's torrent (its info dictionary) goes into the work dir, published by the same rename. */
    private static Map<Integer, String> writeTorrents(Video v, Path work, TranscodeResult result) throws IOException {
        Map<Integer, String> infoHashes = new LinkedHashMap<>();
        for (TranscodeResult.Rung rung : result.rungs()) {
            byte[] info = TorrentFiles.info(v.name(), rung.resolution(), rung.pieces());
            TorrentFiles.write(work, rung.resolution(), info);
            infoHashes.put(rung.resolution(), TorrentFiles.infoHash(info));
        }
        return infoHashes;
    }

    /**
     * A transcode stopped by a full disk (its work dir is gone already, the published ladder and the
     * original untouched): the job waits for room without spending one of its attempts. False if the disk is not why.
     */
    private boolean waitForRoom(Video v, JobRepository.Job job, Throwable e) {
        if (!disk.explains(e)) return false;
        long now = clock.millis();
        LOG.warn("transcoding of {} stopped: the disk is full; the original is kept, trying again in {} s",
                v.uuid(), DISK_FULL_WAIT_MILLIS / 1000);
        db.writeVoid(tx -> jobs.postpone(tx, job.id(), "the disk is full", now + DISK_FULL_WAIT_MILLIS, now));
        return true;
    }

    private void failed(Video v, JobRepository.Job job, String error, boolean permanent) {
        long now = clock.millis();
        if (!permanent && job.attempts() <= BACKOFF_MILLIS.length) {
            long wait = BACKOFF_MILLIS[job.attempts() - 1];
            LOG.warn("transcoding of {} failed ({}); retrying in {} s", v.uuid(), error, wait / 1000);
            db.writeVoid(tx -> jobs.retryLater(tx, job.id(), error, now + wait, now));
            return;
        }
        LOG.warn("transcoding of {} failed for good: {}", v.uuid(), error);
        db.writeVoid(tx -> {
            jobs.fail(tx, job.id(), error, now);
            videos.fail(tx, v.id());
        });
    }

    private void counted(double media, double wall) {
        transcoded.incrementAndGet();
        mediaSeconds.add(media);
        wallSeconds.add(wall);
        lastSpeed = wall > 0 ? media / wall : 0;
    }

    /** Since start: jobs done, seconds of video made and seconds it took, the last job's speed (x real time). */
    public record Throughput(long jobs, double mediaSeconds, double wallSeconds, double lastSpeed) {
    }

    public Throughput throughput() {
        return new Throughput(transcoded.get(), mediaSeconds.sum(), wallSeconds.sum(), lastSpeed);
    }

    /** Writes progress at most every half second: enough for a progress bar, little for the SD card. */
    private ProgressListener progressWriter(long jobId) {
        long[] last = {0};
        return (fraction, perRung) -> {
            long now = System.nanoTime();
            if (now - last[0] < 500_000_000L && fraction < 1.0) return;
            last[0] = now;
            Map<String, Double> detail = new LinkedHashMap<>();
            perRung.forEach((h, p) -> detail.put(String.valueOf(h), Math.round(p * 1000) / 1000.0));
            try {
                db.writeVoid(tx -> jobs.progress(tx, jobId, fraction, Json.write(detail), clock.millis()));
            } catch (RuntimeException e) {
                LOG.debug("progress not saved: {}", e.toString());
            }
        };
    }

    /** What the database keeps of a ladder: enough to build PeerTube's streamingPlaylists. */
    static Ladder ladder(TranscodeResult r, Map<Integer, String> infoHashes) {
        List<Ladder.Rung> rungs = new ArrayList<>();
        for (TranscodeResult.Rung rung : r.rungs()) {
            rungs.add(new Ladder.Rung(rung.height(), rung.width(), rung.fps(), rung.bandwidth(), rung.totalBytes(),
                    rung.playlist(), rung.codecs(), infoHashes.get(rung.resolution())));
        }
        TranscodeResult.Storyboard s = r.storyboard();
        return Ladder.local(r.masterPlaylist(), r.segmentsSha256(), rungs, r.truncated(), r.warnings())
                .withStoryboard(s == null ? null : new Ladder.Storyboard(s.file(), s.spriteWidth(), s.spriteHeight(),
                        s.totalWidth(), s.totalHeight(), s.spriteDuration()));
    }

    @Override
    public void close() {
        stopping = true;
        running.values().forEach(CancelToken::cancel);
        wake();
        for (Thread t : threads) {
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
