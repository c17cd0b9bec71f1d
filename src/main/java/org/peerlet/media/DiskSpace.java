package org.peerlet.media;

import org.peerlet.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Free space where Peerlet writes: the data dir (uploads, originals, ladders, database) and the
 * temporary folder. Uploads are refused before their bytes are taken when the space they and
 * their transcode need, plus a margin kept for the database and the system, is not there.
 */
public final class DiskSpace {
    private static final Logger LOG = LoggerFactory.getLogger("disk");
    private static final long MB = 1024 * 1024;
    /** Below this, a store is full for practical purposes: whatever was written last may be cut short. */
    static final long FULL_BYTES = 1024 * 1024;

    private final Path dataDir;
    private final Path tempDir;
    private final long marginBytes;

    public DiskSpace(Path dataDir, Path tempDir, long marginBytes) {
        this.dataDir = dataDir;
        this.tempDir = tempDir;
        this.marginBytes = marginBytes;
    }

    /** One filesystem: which folder of ours is on it, its size and what is free to us. */
    public record Store(String name, String path, long totalBytes, long freeBytes) {
    }

    /** The data dir's filesystem, then the temporary folder's when it is another one. */
    public List<Store> stores() {
        List<Store> out = new ArrayList<>();
        out.add(store("data", dataDir));
        if (!sameStore(dataDir, tempDir)) out.add(store("temp", tempDir));
        return out;
    }

    public long marginBytes() {
        return marginBytes;
    }

    /** True when some store has less free than the margin: uploads are being refused. */
    public boolean low() {
        return stores().stream().anyMatch(s -> s.freeBytes() < marginBytes);
    }

    /**
     * Refuses (507) an upload of {@code bytes} when it, its transcode (counted as much again as
     * the file: a ladder rarely outweighs its source) and the margin do not fit in the data dir,
     * or the margin does not fit in the temporary folder.
     */
    public void checkRoomForUpload(long bytes) {
        for (Store s : stores()) {
            long need = s.name().equals("data") ? 2 * bytes + marginBytes : marginBytes;
            if (s.freeBytes() < need) {
                LOG.warn("upload of {} MB refused: {} has {} MB free, it needs {} MB (disk_margin_mb {})",
                        mb(bytes), s.path(), mb(s.freeBytes()), mb(need), marginBytes / MB);
                throw new ApiError(507, null, String.format(Locale.ROOT,
                        "Not enough disk space on this instance for this video: it needs %d MB with its transcoding, "
                                + "%d MB are free. Ask the administrator to make room.", mb(need), mb(s.freeBytes())));
            }
        }
    }

    /** The 507 for a write the disk refused midway (the client may resume once there is room). */
    public static ApiError noRoom(String what) {
        LOG.warn("{} refused: the disk is full", what);
        return new ApiError(507, null, "The disk of this instance is full. Ask the administrator to make room, then resume.");
    }

    /** Whether a failed write was the disk filling up: its message says so, or the data dir's store is (nearly) full. */
    public boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (saysDiskFull(t.getMessage())) return true;
        }
        return nearlyFull();
    }

    /** The data dir's filesystem has (almost) nothing left: anything written just now may be cut short. */
    public boolean nearlyFull() {
        return free(dataDir) < FULL_BYTES;
    }

    /** ENOSPC as Java and FFmpeg word it. */
    public static boolean saysDiskFull(String message) {
        return message != null && message.contains("No space left on device");
    }

    private static Store store(String name, Path p) {
        try {
            FileStore fs = Files.getFileStore(p);
            return new Store(name, p.toAbsolutePath().toString(), fs.getTotalSpace(), fs.getUsableSpace());
        } catch (IOException e) {
            return new Store(name, p.toAbsolutePath().toString(), 0, 0);
        }
    }

    private static long free(Path p) {
        return store("", p).freeBytes();
    }

    private static boolean sameStore(Path a, Path b) {
        try {
            return Files.getFileStore(a).equals(Files.getFileStore(b));
        } catch (IOException e) {
            return false;
        }
    }

    static long mb(long bytes) {
        return (bytes + MB - 1) / MB;
    }
}
