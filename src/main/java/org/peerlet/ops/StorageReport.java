package org.peerlet.ops;

import org.peerlet.media.DiskSpace;
import org.peerlet.media.MediaLayout;
import org.peerlet.video.Video;
import org.peerlet.video.VideoService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the space goes, for the admin: free space per filesystem, bytes per kind of file
 * (originals, published ladders, uploads and transcodes in progress, images, the database) and
 * per user. Read from the files themselves, so it is right even after a crash.
 */
public final class StorageReport {
    private final VideoService videos;
    private final MediaLayout media;
    private final DiskSpace disk;

    public StorageReport(VideoService videos, MediaLayout media, DiskSpace disk) {
        this.videos = videos;
        this.media = media;
        this.disk = disk;
    }

    /** One user's share: their videos, originals and ladders in bytes. */
    public record User(String username, int videos, long originals, long ladders) {
        public long total() {
            return originals + ladders;
        }
    }

    public record Report(List<DiskSpace.Store> disks, long marginBytes, Map<String, Long> kinds, List<User> users) {
    }

    public Report report() {
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("originals", bytes(media.originals()));
        long ladders = 0;
        long transcoding = 0;
        try (Stream<Path> dirs = list(media.hls())) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                long b = bytes(d);
                if (d.getFileName().toString().startsWith(".")) transcoding += b;
                else ladders += b;
            }
        }
        kinds.put("ladders", ladders);
        kinds.put("uploadsInProgress", bytes(media.uploads()));
        kinds.put("transcodesInProgress", transcoding);
        long images = 0;
        for (String d : List.of("thumbnails", "previews", "captions", "avatars", "banners")) images += bytes(media.resolve(d));
        kinds.put("imagesAndCaptions", images);
        long database = 0;
        for (String f : List.of("peerlet.db", "peerlet.db-wal", "peerlet.db-shm")) database += Maintenance.size(media.resolve(f));
        kinds.put("database", database);
        return new Report(disk.stores(), disk.marginBytes(), kinds, users());
    }

    /** Each user with local videos, largest first. */
    private List<User> users() {
        Map<String, User> by = new LinkedHashMap<>();
        for (Video v : videos.allLocal()) {
            long original = v.originalFile() == null ? 0 : Maintenance.size(media.resolve(v.originalFile()));
            long ladder = bytes(media.hlsDir(v.uuid()));
            by.merge(v.account().name(), new User(v.account().name(), 1, original, ladder),
                    (a, b) -> new User(a.username(), a.videos() + 1, a.originals() + b.originals(), a.ladders() + b.ladders()));
        }
        List<User> out = new ArrayList<>(by.values());
        out.sort((a, b) -> Long.compare(b.total(), a.total()));
        return out;
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** Bytes of the regular files under {@code p} (a file's own size); what vanishes meanwhile counts nothing. */
    static long bytes(Path p) {
        if (!Files.exists(p)) return 0;
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(Files::isRegularFile).mapToLong(Maintenance::size).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
