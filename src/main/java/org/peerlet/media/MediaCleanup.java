package org.peerlet.media;

import org.peerlet.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * At start, removes what a crash left behind: transcoding work dirs, and files of videos that
 * no longer have a row (a delete stopped between the database and the disk). Files whose video
 * exists are never touched.
 */
public final class MediaCleanup {
    private static final Logger LOG = LoggerFactory.getLogger("media");

    private final Database db;
    private final MediaLayout media;

    public MediaCleanup(Database db, MediaLayout media) {
        this.db = db;
        this.media = media;
    }

    public int run() {
        Set<String> uuids = new HashSet<>(db.dsl().select(field(name("uuid"), String.class))
                .from(table(name("videos"))).fetch(field(name("uuid"), String.class)));
        Set<String> originals = new HashSet<>(db.dsl().select(field(name("original_file"), String.class))
                .from(table(name("videos"))).where(field(name("original_file")).isNotNull())
                .fetch(field(name("original_file"), String.class)));
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
