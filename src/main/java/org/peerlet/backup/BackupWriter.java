package org.peerlet.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes one backup of a data dir into a dated folder of {@code root}: first a consistent snapshot
 * of the database, then every file {@link DataDirFiles} keeps, each recorded with its SHA-256 in
 * the folder's {@link Manifest}. A file the latest backup already holds (same size and time, or
 * same hash) becomes a hard link to that copy, so each backup is complete on its own and costs
 * only what changed. The folder is written as {@code <name>.partial} and renamed when complete.
 */
public final class BackupWriter {
    private final Path dataDir;
    private final Consumer<Path> snapshot;
    private final String version;
    private final Clock clock;

    /**
     * @param snapshot writes a consistent copy of the database to the path it is given
     * @param version  Peerlet's version, written in the manifest
     */
    public BackupWriter(Path dataDir, Consumer<Path> snapshot, String version, Clock clock) {
        this.dataDir = dataDir;
        this.snapshot = snapshot;
        this.version = version;
        this.clock = clock;
    }

    /** What a backup did. */
    public record Summary(Path folder, int files, long bytesCopied, long bytesLinked, int vanished, Duration took) {
        public String line() {
            return "backup " + folder + " complete: " + files + " files, " + Sizes.human(bytesCopied) + " copied, "
                    + Sizes.human(bytesLinked) + " linked to the previous backup, in " + Sizes.seconds(took)
                    + (vanished > 0 ? " (" + vanished + " files deleted while the backup ran were left out)" : "");
        }
    }

    public Summary write(Path root, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(root);
        try (FileChannel lockFile = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) throw new IllegalStateException("another backup is being written to " + root);
            BackupFolders.dropPartials(root);
            Path previous = BackupFolders.latest(root).orElse(null);
            Manifest before = previous == null ? new Manifest(Map.of(), Map.of()) : Manifest.read(previous.resolve(Manifest.FILE));
            String name = BackupFolders.newName(root, clock);
            Path work = root.resolve(name + BackupFolders.PARTIAL);
            createPrivate(work);
            Run run = new Run(work.resolve("data"), previous == null ? null : previous.resolve("data"), before, progress);
            try {
                run.all();
                new Manifest(about(), run.entries).write(work.resolve(Manifest.FILE));
                Path done = root.resolve(name);
                Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
                return new Summary(done, run.entries.size(), run.copied, run.linked, run.vanished,
                        Duration.ofNanos(System.nanoTime() - t0));
            } catch (IOException | RuntimeException e) {
                BackupFolders.deleteTree(work);
                throw e;
            }
        }
    }

    private Map<String, String> about() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("peerlet-backup", "1");
        a.put("peerlet-version", version);
        a.put("created", clock.instant().toString());
        return a;
    }

    /** The backup's folder is its owner's alone: it holds the keys and the password hashes. */
    private static void createPrivate(Path dir) throws IOException {
        Files.createDirectory(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // FAT: no permissions to set
        }
        Files.createDirectory(dir.resolve("data"));
    }

    /** One backup's walk: what it found, copied and linked. */
    private final class Run {
        final Path data;
        final Path previousData;
        final Manifest before;
        final Progress progress;
        final Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        long copied;
        long linked;
        int vanished;

        Run(Path data, Path previousData, Manifest before, Progress progress) {
            this.data = data;
            this.previousData = previousData;
            this.before = before;
            this.progress = progress;
        }

        void all() throws IOException {
            Path db = data.resolve(DataDirFiles.DATABASE);
            snapshot.accept(db);
            List<DataDirFiles.Found> files = new ArrayList<>();
            files.add(new DataDirFiles.Found(DataDirFiles.DATABASE, Files.size(db), Files.getLastModifiedTime(db).toMillis()));
            files.addAll(DataDirFiles.list(dataDir));
            long total = files.stream().mapToLong(DataDirFiles.Found::size).sum();
            int n = 0;
            for (DataDirFiles.Found f : files) {
                one(f, f.path().equals(DataDirFiles.DATABASE));
                progress.at(++n, files.size(), copied + linked, total);
            }
        }

        private void one(DataDirFiles.Found f, boolean snapshotted) throws IOException {
            Path target = data.resolve(f.path());
            Files.createDirectories(target.getParent());
            Manifest.Entry old = before.entries().get(f.path());
            Path oldCopy = old == null || previousData == null ? null : previousData.resolve(old.path());
            boolean same = old != null && old.size() == f.size() && old.mtime() == f.mtime();
            if (!snapshotted && same && Files.exists(oldCopy) && Files.size(oldCopy) == old.size() && FileCopy.link(target, oldCopy)) {
                entries.put(f.path(), old);
                linked += old.size();
                return;
            }
            String sha;
            try {
                sha = snapshotted ? FileCopy.hash(target) : FileCopy.copy(dataDir.resolve(f.path()), target, f.mtime());
            } catch (NoSuchFileException e) {
                vanished++; // deleted since it was listed (a video removed meanwhile): not part of this backup
                return;
            }
            long size = Files.size(target);
            entries.put(f.path(), new Manifest.Entry(f.path(), size, f.mtime(), sha));
            if (old != null && old.sha256().equals(sha) && old.size() == size && oldCopy != null && relink(target, oldCopy)) {
                linked += size;
            } else {
                copied += size;
            }
        }

        /** Same bytes as the previous copy under a new time: keep one copy, linked. */
        private boolean relink(Path target, Path oldCopy) throws IOException {
            if (!Files.exists(oldCopy)) return false;
            Path tmp = target.resolveSibling("." + target.getFileName() + ".link");
            if (!FileCopy.link(tmp, oldCopy)) return false;
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }
}
