package org.peerlet.backup;

import org.peerlet.config.Settings;
import org.peerlet.db.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin tool's {@code backup <folder>} and {@code restore <backup> [--force]}: they work on the
 * files and the database directly, a backup beside a running server (SQLite lets it read a
 * consistent snapshot while the server writes), a restore with the server stopped.
 */
public final class BackupCommands {
    private final String version;
    private final PrintStream out;
    private final PrintStream err;

    public BackupCommands(String version, PrintStream out, PrintStream err) {
        this.version = version;
        this.out = out;
        this.err = err;
    }

    /** {@code admin backup [folder] [flags]}: returns the exit code. */
    public int backup(List<String> args) {
        List<String> flags = new ArrayList<>(args);
        String named = positional(flags);
        Settings settings = Settings.load(System.getenv(), flags);
        String folder = named != null ? named : settings.get(Settings.BACKUP_DIR);
        if (folder.isBlank()) {
            err.println("peerlet admin backup: say where: admin backup <folder> (or set backup_dir)");
            return 2;
        }
        Path dataDir = settings.dataDir();
        Path dbFile = dataDir.resolve(DataDirFiles.DATABASE);
        if (!Files.isRegularFile(dbFile)) {
            err.println("peerlet admin backup: no database at " + dbFile.toAbsolutePath() + ": is --data-dir right?");
            return 1;
        }
        Clock clock = Clock.systemUTC();
        long started = clock.millis();
        try (Database db = new Database(dbFile)) {
            BackupRuns runs = new BackupRuns(db);
            TerminalProgress progress = new TerminalProgress("backup", out, System.console() != null);
            try {
                BackupWriter.Summary s = new BackupWriter(dataDir, db::snapshotTo, version, clock).write(Path.of(folder), progress);
                progress.end();
                runs.record(BackupRuns.done("command", s, started, clock.millis()));
                out.println("peerlet admin: " + s.line());
                return 0;
            } catch (IOException | RuntimeException e) {
                progress.end();
                String why = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
                runs.record(BackupRuns.failed(folder, "command", why, started, clock.millis()));
                err.println("peerlet admin backup: failed: " + why);
                return 1;
            }
        }
    }

    /** {@code admin restore <backup> [--force] [flags]}: returns the exit code. */
    public int restore(List<String> args) {
        List<String> flags = new ArrayList<>(args);
        boolean force = flags.remove("--force");
        String named = positional(flags);
        if (named == null) {
            err.println("peerlet admin restore: say which backup: admin restore <backup folder> [--data-dir D] [--force]");
            return 2;
        }
        Path dataDir = Settings.load(System.getenv(), flags).dataDir();
        TerminalProgress progress = new TerminalProgress("restore", out, System.console() != null);
        try {
            Restorer.Summary s = new Restorer(Clock.systemUTC()).restore(Path.of(named), dataDir, force, progress);
            progress.end();
            out.println("peerlet admin: " + s.line(dataDir));
            return 0;
        } catch (Restorer.Refused e) {
            progress.end();
            err.println("peerlet admin restore: refused: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            progress.end();
            err.println("peerlet admin restore: failed: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            return 1;
        }
    }

    /** Takes the first argument that is not a flag or a flag's value. */
    private static String positional(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                if (!a.contains("=")) i++;
                continue;
            }
            return args.remove(i);
        }
        return null;
    }
}
