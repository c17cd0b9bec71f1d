package org.peerlet.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts a backup back into a data dir. Every file is copied into {@code <data dir>/.restoring}
 * first and checked there against the manifest's size and SHA-256; only when all of them match
 * does anything move into place, so a damaged or tampered backup leaves the data dir as it was.
 */
public final class Restorer {
    private static final String STAGING = ".restoring";
    private final Clock clock;

    public Restorer(Clock clock) {
        this.clock = clock;
    }

    /** A restore that cannot be done, said in one line; nothing was changed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    public record Summary(Path backup, int files, long bytes, Path movedAside, Duration took) {
        public String line(Path dataDir) {
            return "restored " + backup + " into " + dataDir + ": " + files + " files, " + Sizes.human(bytes)
                    + ", every SHA-256 as the manifest says, in " + Sizes.seconds(took)
                    + (movedAside == null ? "" : "; what was there before is in " + movedAside);
        }
    }

    /**
     * @param backup a dated backup folder, or a folder of them (the newest is taken)
     * @param force  restore into a data dir that is not empty, moving what it holds aside first
     */
    public Summary restore(Path backup, Path dataDir, boolean force, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Path folder = chosen(backup);
        Manifest manifest = Manifest.read(folder.resolve(Manifest.FILE));
        Files.createDirectories(dataDir);
        List<Path> present = present(dataDir);
        if (!present.isEmpty() && !force) {
            throw new Refused("the data dir " + dataDir + " is not empty (" + present.size() + " entries): restore into"
                    + " an empty folder, or add --force to move what it holds aside first");
        }
        Path staging = dataDir.resolve(STAGING);
        BackupFolders.deleteTree(staging);
        Files.createDirectory(staging);
        try {
            verifiedCopy(folder.resolve("data"), manifest, staging, progress);
        } catch (IOException | RuntimeException e) {
            BackupFolders.deleteTree(staging);
            throw e;
        }
        Path aside = present.isEmpty() ? null : moveAside(dataDir, present);
        try (Stream<Path> s = Files.list(staging)) {
            for (Path p : s.toList()) Files.move(p, dataDir.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(staging);
        return new Summary(folder, manifest.entries().size(), manifest.bytes(), aside, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static Path chosen(Path backup) {
        if (Files.isRegularFile(backup.resolve(Manifest.FILE))) return backup;
        return BackupFolders.latest(backup).orElseThrow(() -> new Refused(backup + " holds no complete backup ("
                + Manifest.FILE + " missing)"));
    }

    private static List<Path> present(Path dataDir) throws IOException {
        try (Stream<Path> s = Files.list(dataDir)) {
            return s.filter(p -> !p.getFileName().toString().equals(STAGING)).toList();
        }
    }

    private static void verifiedCopy(Path from, Manifest manifest, Path staging, Progress progress) throws IOException {
        long total = manifest.bytes();
        long done = 0;
        int n = 0;
        for (Manifest.Entry e : manifest.list()) {
            Path source = from.resolve(e.path()).normalize();
            Path target = staging.resolve(e.path()).normalize();
            if (!source.startsWith(from) || !target.startsWith(staging)) throw new Refused("the manifest names a file outside the backup: " + e.path());
            if (!Files.isRegularFile(source)) throw new Refused("the backup lacks " + e.path() + ": nothing was restored");
            Files.createDirectories(target.getParent());
            String sha = FileCopy.copy(source, target, e.mtime());
            if (!sha.equals(e.sha256()) || Files.size(target) != e.size()) {
                throw new Refused(e.path() + " in the backup is damaged: its SHA-256 is not the manifest's; nothing was restored");
            }
            done += e.size();
            progress.at(++n, manifest.entries().size(), done, total);
        }
    }

    /** {@code --force}: what the data dir held goes to a sibling folder, never deleted. */
    private Path moveAside(Path dataDir, List<Path> present) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        Path aside = dataDir.toAbsolutePath().normalize().resolveSibling(dataDir.toAbsolutePath().normalize().getFileName()
                + ".replaced-" + stamp);
        Files.createDirectories(aside);
        for (Path p : present) Files.move(p, aside.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }
}
