package org.peerlet.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * At start, removes what a crash left behind: transcoding work dirs, and files of videos that
 * no longer have a row (a delete stopped between the database and the disk). Files whose video
 * exists are never touched.
 */
public final class MediaCleanup {
    private static final Logger LOG = LoggerFactory.getLogger("media");

    private final MediaLayout media;

    public MediaCleanup(MediaLayout media) {
        this.media = media;
    }

    /** @param uuids every video that exists; @param originals their original files ({@code originals/<name>}) */
    public int run(Set<String> uuids, Set<String> originals) {
        int removed = 0;
        for (Path p : list(media.hls())) {
            String n = p.getFileName().toString();
            if (n.startsWith(".work-") || !uuids.contains(n)) {
                MediaLayout.deleteTree(p);
                removed++;
            }
        }
        for (String dir : new String[]{"thumbnails", "previews"}) {
            for (Path p : list(media.root().resolve(dir))) {
                String n = p.getFileName().toString();
                if (!n.endsWith(".jpg") || !uuids.contains(n.substring(0, n.length() - 4))) removed += delete(p);
            }
        }
        for (Path p : list(media.originals())) {
            if (!originals.contains("originals/" + p.getFileName())) removed += delete(p);
        }
        if (removed > 0) LOG.info("removed {} files left by an interrupted operation", removed);
        return removed;
    }

    private static int delete(Path p) {
        try {
            return Files.deleteIfExists(p) ? 1 : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static java.util.List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
