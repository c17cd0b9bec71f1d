package org.peerlet.transcode;

import static org.peerlet.db.schema.Tables.JOBS;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import org.peerlet.db.schema.tables.Jobs;

import java.util.List;
import java.util.Optional;


/** The only place with SQL for transcoding jobs. */
final class JobRepository {
    static final List<Field<?>> COLUMNS = List.of(JOBS.ID, JOBS.VIDEO_ID, JOBS.TYPE, JOBS.STATE, JOBS.ATTEMPTS, JOBS.RUN_AFTER, JOBS.PROGRESS,
            JOBS.PROGRESS_DETAIL, JOBS.ERROR, JOBS.CREATED_AT, JOBS.UPDATED_AT);

    public static final String WAITING = "waiting";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public record Job(long id, long videoId, String type, String state, int attempts, long runAfter, double progress,
                      String progressDetail, String error, long createdAt, long updatedAt) {
    }

    public long enqueue(DSLContext tx, long videoId, long now) {
        return tx.insertInto(JOBS).set(JOBS.VIDEO_ID, videoId).set(JOBS.TYPE, "transcode").set(JOBS.STATE, WAITING)
                .set(JOBS.RUN_AFTER, now).set(JOBS.CREATED_AT, now).set(JOBS.UPDATED_AT, now).returning(JOBS.ID).fetchOne(JOBS.ID);
    }

    /** Takes the next ready job and marks it running, in the caller's write transaction. */
    public Optional<Job> claimNext(DSLContext tx, long now) {
        Optional<Job> next = tx.select(COLUMNS).from(JOBS).where(JOBS.STATE.eq(WAITING).and(JOBS.RUN_AFTER.le(now)))
                .orderBy(JOBS.RUN_AFTER, JOBS.ID).limit(1).fetchOptional(JobRepository::toJob);
        next.ifPresent(j -> tx.update(JOBS).set(JOBS.STATE, RUNNING).set(JOBS.ATTEMPTS, j.attempts() + 1).set(JOBS.PROGRESS, 0.0)
                .set(JOBS.ERROR, (String) null).set(JOBS.UPDATED_AT, now).where(JOBS.ID.eq(j.id())).execute());
        return next.map(j -> new Job(j.id(), j.videoId(), j.type(), RUNNING, j.attempts() + 1, j.runAfter(), 0,
                null, null, j.createdAt(), now));
    }

    /** After a crash, jobs that were running are put back to wait: they start again from clean. */
    public int requeueRunning(DSLContext tx, long now) {
        return tx.update(JOBS).set(JOBS.STATE, WAITING).set(JOBS.RUN_AFTER, now).set(JOBS.PROGRESS, 0.0).set(JOBS.UPDATED_AT, now)
                .where(JOBS.STATE.eq(RUNNING)).execute();
    }

    public void progress(DSLContext tx, long id, double progress, String detail, long now) {
        tx.update(JOBS).set(JOBS.PROGRESS, progress).set(JOBS.PROGRESS_DETAIL, detail).set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.eq(id)).execute();
    }

    public void finish(DSLContext tx, long id, long now) {
        tx.update(JOBS).set(JOBS.STATE, DONE).set(JOBS.PROGRESS, 1.0).set(JOBS.UPDATED_AT, now).where(JOBS.ID.eq(id)).execute();
    }

    public void retryLater(DSLContext tx, long id, String error, long runAfter, long now) {
        tx.update(JOBS).set(JOBS.STATE, WAITING).set(JOBS.ERROR, error).set(JOBS.RUN_AFTER, runAfter).set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.eq(id)).execute();
    }

    /** Waits again without counting this attempt: what stopped it was not the job's fault. */
    public void postpone(DSLContext tx, long id, String error, long runAfter, long now) {
        tx.update(JOBS).set(JOBS.STATE, WAITING).set(JOBS.ATTEMPTS, JOBS.ATTEMPTS.minus(1)).set(JOBS.ERROR, error)
                .set(JOBS.RUN_AFTER, runAfter).set(JOBS.PROGRESS, 0.0).set(JOBS.UPDATED_AT, now).where(JOBS.ID.eq(id)).execute();
    }

    public void fail(DSLContext tx, long id, String error, long now) {
        tx.update(JOBS).set(JOBS.STATE, FAILED).set(JOBS.ERROR, error).set(JOBS.UPDATED_AT, now).where(JOBS.ID.eq(id)).execute();
    }

    /** An admin's retry: a failed job waits again, with its attempts reset. */
    public boolean retry(DSLContext tx, long id, long now) {
        return tx.update(JOBS).set(JOBS.STATE, WAITING).set(JOBS.ATTEMPTS, 0).set(JOBS.RUN_AFTER, now).set(JOBS.ERROR, (String) null)
                .set(JOBS.UPDATED_AT, now).where(JOBS.ID.eq(id).and(JOBS.STATE.eq(FAILED))).execute() == 1;
    }

    /** A video's job that is waiting or running, if any. */
    public Optional<Job> activeForVideo(DSLContext db, long videoId) {
        return db.select(COLUMNS).from(JOBS).where(JOBS.VIDEO_ID.eq(videoId).and(JOBS.STATE.in(WAITING, RUNNING)))
                .orderBy(JOBS.ID.desc()).limit(1).fetchOptional(JobRepository::toJob);
    }

    /** A waiting job runs at the next look instead of after its pause. */
    public void runNow(DSLContext tx, long id, long now) {
        tx.update(JOBS).set(JOBS.RUN_AFTER, now).set(JOBS.UPDATED_AT, now).where(JOBS.ID.eq(id).and(JOBS.STATE.eq(WAITING))).execute();
    }

    public Optional<Job> byId(DSLContext db, long id) {
        return db.select(COLUMNS).from(JOBS).where(JOBS.ID.eq(id)).fetchOptional(JobRepository::toJob);
    }

    public Optional<Job> latestForVideo(DSLContext db, long videoId) {
        return db.select(COLUMNS).from(JOBS).where(JOBS.VIDEO_ID.eq(videoId)).orderBy(JOBS.ID.desc()).limit(1)
                .fetchOptional(JobRepository::toJob);
    }

    public List<Job> list(DSLContext db, String state, int start, int count) {
        var q = db.select(COLUMNS).from(JOBS);
        var w = state == null ? q.where(org.jooq.impl.DSL.noCondition()) : q.where(JOBS.STATE.eq(state));
        return w.orderBy(JOBS.ID.desc()).limit(count).offset(start).fetch(JobRepository::toJob);
    }

    public int count(DSLContext db, String state) {
        return state == null ? db.fetchCount(JOBS) : db.fetchCount(JOBS, JOBS.STATE.eq(state));
    }

    private static Job toJob(Record r) {
        return new Job(r.get(JOBS.ID), r.get(JOBS.VIDEO_ID), r.get(JOBS.TYPE), r.get(JOBS.STATE), r.get(JOBS.ATTEMPTS), r.get(JOBS.RUN_AFTER),
                r.get(JOBS.PROGRESS), r.get(JOBS.PROGRESS_DETAIL), r.get(JOBS.ERROR), r.get(JOBS.CREATED_AT), r.get(JOBS.UPDATED_AT));
    }
}
