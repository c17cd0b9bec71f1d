package org.peerlet.transcode;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import org.peerlet.db.schema.Tables;
import org.peerlet.db.schema.tables.Jobs;

import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The only place with SQL for transcoding jobs. */
final class JobRepository {
    static final Jobs JOBS = Tables.JOBS;
    static final Field<Long> ID = JOBS.ID;
    static final Field<Long> VIDEO_ID = JOBS.VIDEO_ID;
    static final Field<String> TYPE = JOBS.TYPE;
    static final Field<String> STATE = JOBS.STATE;
    static final Field<Integer> ATTEMPTS = JOBS.ATTEMPTS;
    static final Field<Long> RUN_AFTER = JOBS.RUN_AFTER;
    static final Field<Double> PROGRESS = JOBS.PROGRESS;
    static final Field<String> PROGRESS_DETAIL = JOBS.PROGRESS_DETAIL;
    static final Field<String> ERROR = JOBS.ERROR;
    static final Field<Long> CREATED_AT = JOBS.CREATED_AT;
    static final Field<Long> UPDATED_AT = JOBS.UPDATED_AT;
    static final List<Field<?>> COLUMNS = List.of(ID, VIDEO_ID, TYPE, STATE, ATTEMPTS, RUN_AFTER, PROGRESS,
            PROGRESS_DETAIL, ERROR, CREATED_AT, UPDATED_AT);

    public static final String WAITING = "waiting";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public record Job(long id, long videoId, String type, String state, int attempts, long runAfter, double progress,
                      String progressDetail, String error, long createdAt, long updatedAt) {
    }

    public long enqueue(DSLContext tx, long videoId, long now) {
        return tx.insertInto(JOBS).set(VIDEO_ID, videoId).set(TYPE, "transcode").set(STATE, WAITING)
                .set(RUN_AFTER, now).set(CREATED_AT, now).set(UPDATED_AT, now).returning(ID).fetchOne(ID);
    }

    /** Takes the next ready job and marks it running, in the caller's write transaction. */
    public Optional<Job> claimNext(DSLContext tx, long now) {
        Optional<Job> next = tx.select(COLUMNS).from(JOBS).where(STATE.eq(WAITING).and(RUN_AFTER.le(now)))
                .orderBy(RUN_AFTER, ID).limit(1).fetchOptional(JobRepository::toJob);
        next.ifPresent(j -> tx.update(JOBS).set(STATE, RUNNING).set(ATTEMPTS, j.attempts() + 1).set(PROGRESS, 0.0)
                .set(ERROR, (String) null).set(UPDATED_AT, now).where(ID.eq(j.id())).execute());
        return next.map(j -> new Job(j.id(), j.videoId(), j.type(), RUNNING, j.attempts() + 1, j.runAfter(), 0,
                null, null, j.createdAt(), now));
    }

    /** After a crash, jobs that were running are put back to wait: they start again from clean. */
    public int requeueRunning(DSLContext tx, long now) {
        return tx.update(JOBS).set(STATE, WAITING).set(RUN_AFTER, now).set(PROGRESS, 0.0).set(UPDATED_AT, now)
                .where(STATE.eq(RUNNING)).execute();
    }

    public void progress(DSLContext tx, long id, double progress, String detail, long now) {
        tx.update(JOBS).set(PROGRESS, progress).set(PROGRESS_DETAIL, detail).set(UPDATED_AT, now)
                .where(ID.eq(id)).execute();
    }

    public void finish(DSLContext tx, long id, long now) {
        tx.update(JOBS).set(STATE, DONE).set(PROGRESS, 1.0).set(UPDATED_AT, now).where(ID.eq(id)).execute();
    }

    public void retryLater(DSLContext tx, long id, String error, long runAfter, long now) {
        tx.update(JOBS).set(STATE, WAITING).set(ERROR, error).set(RUN_AFTER, runAfter).set(UPDATED_AT, now)
                .where(ID.eq(id)).execute();
    }

    public void fail(DSLContext tx, long id, String error, long now) {
        tx.update(JOBS).set(STATE, FAILED).set(ERROR, error).set(UPDATED_AT, now).where(ID.eq(id)).execute();
    }

    /** An admin's retry: a failed job waits again, with its attempts reset. */
    public boolean retry(DSLContext tx, long id, long now) {
        return tx.update(JOBS).set(STATE, WAITING).set(ATTEMPTS, 0).set(RUN_AFTER, now).set(ERROR, (String) null)
                .set(UPDATED_AT, now).where(ID.eq(id).and(STATE.eq(FAILED))).execute() == 1;
    }

    public Optional<Job> byId(DSLContext db, long id) {
        return db.select(COLUMNS).from(JOBS).where(ID.eq(id)).fetchOptional(JobRepository::toJob);
    }

    public Optional<Job> latestForVideo(DSLContext db, long videoId) {
        return db.select(COLUMNS).from(JOBS).where(VIDEO_ID.eq(videoId)).orderBy(ID.desc()).limit(1)
                .fetchOptional(JobRepository::toJob);
    }

    public List<Job> list(DSLContext db, String state, int start, int count) {
        var q = db.select(COLUMNS).from(JOBS);
        var w = state == null ? q.where(org.jooq.impl.DSL.noCondition()) : q.where(STATE.eq(state));
        return w.orderBy(ID.desc()).limit(count).offset(start).fetch(JobRepository::toJob);
    }

    public int count(DSLContext db, String state) {
        return state == null ? db.fetchCount(JOBS) : db.fetchCount(JOBS, STATE.eq(state));
    }

    private static Job toJob(Record r) {
        return new Job(r.get(ID), r.get(VIDEO_ID), r.get(TYPE), r.get(STATE), r.get(ATTEMPTS), r.get(RUN_AFTER),
                r.get(PROGRESS), r.get(PROGRESS_DETAIL), r.get(ERROR), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
