package org.peerlet.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where media lives under the data dir, in folders a person can understand:
 * <pre>
 * uploads/            uploads in progress (resumable: &lt;id&gt;.part); nothing here is published
 * originals/          the uploaded files as they came, named &lt;uuid&gt;.&lt;ext&gt;
 * hls/&lt;uuid&gt;/         the published HLS ladder: master.m3u8, per-rung playlists and segments,
 *                     segments-sha256.json; built in hls/.work-&lt;uuid&gt; and renamed when complete
 * thumbnails/         &lt;uuid&gt;.jpg, small images for lists
 * previews/           &lt;uuid&gt;.jpg, large images for the player
 * captions/           &lt;video uuid&gt;-&lt;language&gt;-&lt;random&gt;.vtt, captions as WebVTT
 * avatars/, banners/  &lt;random stem&gt;-&lt;width&gt;.jpg, faces of accounts and channels, ours and cached remote ones
 * </pre>
 */
public final class MediaLayout {
    private final Path root;

    public MediaLayout(Path dataDir) {
        this.root = dataDir;
        for (String d : new String[]{"uploads", "originals", "hls", "thumbnails", "previews", "captions", "avatars", "banners"}) {
            try {
                Files.createDirectories(root.resolve(d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Path root() {
        return root;
    }

    public Path uploads() {
        return root.resolve("uploads");
    }

    public Path originals() {
        return root.resolve("originals");
    }

    /** The original's path relative to the data dir, as stored in the database. */
    public String originalName(String uuid, String extension) {
        return "originals/" + uuid + extension;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    public Path hls() {
        return root.resolve("hls");
    }

    public Path hlsDir(String uuid) {
        return hls().resolve(uuid);
    }

    /** Where a transcode writes before its output is published with one rename. */
    public Path hlsWorkDir(String uuid) {
        return hls().resolve(".work-" + uuid);
    }

    public Path thumbnail(String uuid) {
        return root.resolve("thumbnails").resolve(uuid + ".jpg");
    }

    public Path captions() {
        return root.resolve("captions");
    }

    public Path preview(String uuid) {
        return root.resolve("previews").resolve(uuid + ".jpg");
    }

    /** Replaces {@code target} with {@code source} in one step: readers see the old or the new, never half. */
    public static void moveAtomically(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file that vanished meanwhile is what we wanted
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every file of a video: ladder, work dir, images, original. */
    public void deleteVideoFiles(String uuid, String originalFile) {
        deleteTree(hlsDir(uuid));
        deleteTree(hlsWorkDir(uuid));
        try {
            Files.deleteIfExists(thumbnail(uuid));
            Files.deleteIfExists(preview(uuid));
            if (originalFile != null) Files.deleteIfExists(resolve(originalFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
