package org.peerlet.backup;

import org.peerlet.db.Database;

import java.util.List;
import java.util.Optional;

/** The record of backups made, kept in the database once each ends: by the admin tool, the schedule or an admin. */
public final class BackupRuns {
    static final String DONE = "done";
    static final String FAILED = "failed";

    /** One backup that ended; {@code message} says why it failed. */
    public record Run(String folder, String trigger, String state, String message, int files, long bytesCopied,
                      long bytesLinked, long startedAt, long finishedAt) {
    }

    private final Database db;
    private final BackupRepository repo = new BackupRepository();

    public BackupRuns(Database db) {
        this.db = db;
    }

    void record(Run run) {
        if (repo.present(db.dsl())) db.writeVoid(tx -> repo.insert(tx, run));
    }

    List<Run> recent(int count) {
        return repo.recent(db.dsl(), count);
    }

    Optional<Run> lastDone() {
        return repo.lastDone(db.dsl());
    }

    static Run done(String trigger, BackupWriter.Summary s, long startedAt, long finishedAt) {
        return new Run(s.folder().toString(), trigger, DONE, null, s.files(), s.bytesCopied(), s.bytesLinked(), startedAt, finishedAt);
    }

    static Run failed(String folder, String trigger, String why, long startedAt, long finishedAt) {
        return new Run(folder, trigger, FAILED, why, 0, 0, 0, startedAt, finishedAt);
    }
}
