package org.peerlet.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dated folders of a backup folder: {@code 2026-03-01_030000} (UTC) once complete, with a
 * {@code .partial} suffix while written, so an interrupted backup never looks like one.
 */
final class BackupFolders {
    static final String PARTIAL = ".partial";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_\\d{6}(-\\d+)?");

    private BackupFolders() {
    }

    static boolean isComplete(Path dir) {
        return DATED.matcher(dir.getFileName().toString()).matches() && Files.isRegularFile(dir.resolve(Manifest.FILE));
    }

    /** Complete backups, oldest first. */
    static List<Path> complete(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(BackupFolders::isComplete)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    static Optional<Path> latest(Path root) {
        List<Path> all = complete(root);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** A name for a backup made now, after every earlier one. */
    static String newName(Path root, Clock clock) {
        String base = NAME.format(clock.instant());
        String name = base;
        for (int i = 2; Files.exists(root.resolve(name)) || Files.exists(root.resolve(name + PARTIAL)); i++) name = base + "-" + i;
        return name;
    }

    /** Removes what an interrupted backup left (the caller holds the folder's lock). */
    static void dropPartials(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(PARTIAL) && DATED.matcher(n.substring(0, n.length() - PARTIAL.length())).matches()) deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Keeps the newest {@code keep} complete backups; returns those removed. Links keep shared files alive. */
    static List<Path> prune(Path root, int keep) {
        List<Path> all = new ArrayList<>(complete(root));
        List<Path> removed = new ArrayList<>();
        while (all.size() > keep) {
            Path oldest = all.remove(0);
            deleteTree(oldest);
            removed.add(oldest);
        }
        return removed;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
