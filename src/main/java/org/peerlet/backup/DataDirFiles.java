package org.peerlet.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which files of a data dir a backup keeps: everything (keys, settings, originals, ladders, faces,
 * captions, storyboards, torrents, whatever a later feature adds) but what the server makes again or
 * throws away at start:
 * <ul>
 * <li>the database's own files, copied instead as one consistent snapshot;</li>
 * <li>{@code native/}: FFmpeg's libraries, unpacked from the jar again at the first upload;</li>
 * <li>{@code uploads/}: uploads in progress; the restored server drops their sessions, and the
 *     uploader starts again (a video whose upload ended has its file in {@code originals/});</li>
 * <li>names starting with a dot or holding {@code .tmp-}: writes in progress, such as
 *     {@code hls/.work-<uuid>} (the restored server queues that transcode again from the original).</li>
 * </ul>
 */
final class DataDirFiles {
    static final String DATABASE = "peerlet.db";
    private static final Set<String> LEFT_OUT = Set.of("native", "uploads",
            DATABASE, DATABASE + "-wal", DATABASE + "-shm", DATABASE + "-journal");

    /** A file found: its path relative to the data dir (with {@code /}), size and modification time. */
    record Found(String path, long size, long mtime) {
    }

    private DataDirFiles() {
    }

    static boolean kept(Path relative) {
        if (relative.getNameCount() == 0 || LEFT_OUT.contains(relative.getName(0).toString())) return false;
        for (Path part : relative) {
            String n = part.toString();
            if (n.startsWith(".") || n.contains(".tmp-")) return false;
        }
        return true;
    }

    /** The files a backup keeps, in a stable order; one that vanishes while listed is simply not there. */
    static List<Found> list(Path dataDir) {
        List<Found> out = new ArrayList<>();
        try {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(dataDir) || kept(dataDir.relativize(dir)) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path rel = dataDir.relativize(file);
                    if (attrs.isRegularFile() && kept(rel)) {
                        out.add(new Found(slashed(rel), attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE; // deleted meanwhile
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
        out.sort(java.util.Comparator.comparing(Found::path));
        return out;
    }

    static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
