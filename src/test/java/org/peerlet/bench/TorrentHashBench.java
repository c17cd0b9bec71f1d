package org.peerlet.bench;

import org.peerlet.media.MediaPlaylist;
import org.peerlet.media.RungHasher;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * What making the torrents adds to the publish step: over a published ladder (warm page cache,
 * as right after the muxer wrote it), the read that only took each segment's SHA-256 (before)
 * against the one read that also hashes the torrent pieces (now). Best of N runs each.
 *
 * <pre>java -cp target/peerlet.jar:target/test-classes org.peerlet.bench.TorrentHashBench HLS_DIR [RUNS]</pre>
 */
public final class TorrentHashBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Path> playlists;
        try (Stream<Path> s = Files.list(dir)) {
            playlists = s.filter(p -> p.getFileName().toString().matches("\\d+\\.m3u8")).sorted().toList();
        }
        long bytes = 0;
        for (Path p : playlists) for (String f : MediaPlaylist.read(p).files()) bytes += Files.size(dir.resolve(f));
        long before = Long.MAX_VALUE, now = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            for (Path p : playlists) sha256Only(dir, MediaPlaylist.read(p));
            long t1 = System.nanoTime();
            for (Path p : playlists) RungHasher.hash(dir, MediaPlaylist.read(p));
            long t2 = System.nanoTime();
            before = Math.min(before, t1 - t0);
            now = Math.min(now, t2 - t1);
        }
        System.out.printf("%d rungs, %.1f MB: segment SHA-256 only %.1f ms (%.0f MB/s); with torrent pieces %.1f ms (%.0f MB/s); x%.2f%n",
                playlists.size(), bytes / 1e6, before / 1e6, bytes / 1e3 / (before / 1e6), now / 1e6,
                bytes / 1e3 / (now / 1e6), now / (double) before);
    }

    /** What the publish step did before: each media segment read for its SHA-256. */
    private static void sha256Only(Path dir, MediaPlaylist playlist) throws Exception {
        byte[] buf = new byte[256 * 1024];
        for (MediaPlaylist.Segment s : playlist.segments()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(dir.resolve(s.uri()))) {
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            }
            md.digest();
        }
    }
}
