package org.peerlet.backup;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;

import static org.peerlet.db.schema.Tables.BACKUPS;

/** The only place with SQL for the backups made. */
final class BackupRepository {

    void insert(DSLContext tx, BackupRuns.Run r) {
        tx.insertInto(BACKUPS).set(BACKUPS.FOLDER, r.folder()).set(BACKUPS.TRIGGER, r.trigger())
                .set(BACKUPS.STATE, r.state()).set(BACKUPS.MESSAGE, r.message()).set(BACKUPS.FILES, (long) r.files())
                .set(BACKUPS.BYTES_COPIED, r.bytesCopied()).set(BACKUPS.BYTES_LINKED, r.bytesLinked())
                .set(BACKUPS.STARTED_AT, r.startedAt()).set(BACKUPS.FINISHED_AT, r.finishedAt()).execute();
    }

    List<BackupRuns.Run> recent(DSLContext db, int count) {
        return db.selectFrom(BACKUPS).orderBy(BACKUPS.FINISHED_AT.desc(), BACKUPS.ID.desc()).limit(count).fetch(this::run);
    }

    Optional<BackupRuns.Run> lastDone(DSLContext db) {
        return db.selectFrom(BACKUPS).where(BACKUPS.STATE.eq(BackupRuns.DONE))
                .orderBy(BACKUPS.FINISHED_AT.desc(), BACKUPS.ID.desc()).limit(1).fetchOptional(this::run);
    }

    /** False on a database older than the backups table (the admin tool beside an older server). */
    boolean present(DSLContext db) {
        return db.fetchCount(db.selectOne().from("sqlite_master").where("type = 'table' AND name = 'backups'")) > 0;
    }

    private BackupRuns.Run run(Record rec) {
        var r = rec.into(BACKUPS);
        return new BackupRuns.Run(r.getFolder(), r.getTrigger(), r.getState(), r.getMessage(), r.getFiles().intValue(),
                r.getBytesCopied(), r.getBytesLinked(), r.getStartedAt(), r.getFinishedAt());
    }
}
