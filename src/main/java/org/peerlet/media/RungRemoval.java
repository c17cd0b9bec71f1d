package org.peerlet.media;

import com.fasterxml.jackson.core.type.TypeReference;
import org.peerlet.http.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Takes one rung out of a published ladder without a moment where the folder is half-changed:
 * the new folder is built beside it from hard links (no bytes copied) with the master playlist
 * and segment hashes rewritten, then swapped in with renames, as a transcode publishes.
 */
public final class RungRemoval {
    private final MediaLayout media;

    public RungRemoval(MediaLayout media) {
        this.media = media;
    }

    /**
     * Step one: builds the ladder of {@code uuid} without the rung whose media playlist is
     * {@code playlist} (files named {@code <stem>.m3u8} and {@code <stem>-*}) in the work dir.
     */
    public void prepare(String uuid, String playlist, String master, String sha256) throws IOException {
        Path live = media.hlsDir(uuid);
        Path work = media.hlsWorkDir(uuid);
        MediaLayout.deleteTree(work);
        Files.createDirectories(work);
        String stem = playlist.endsWith(".m3u8") ? playlist.substring(0, playlist.length() - 5) : playlist;
        try (Stream<Path> files = Files.list(live)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.equals(playlist) || name.startsWith(stem + "-") || name.equals(master) || name.equals(sha256)) continue;
                Files.createLink(work.resolve(name), f);
            }
        }
        Files.writeString(work.resolve(master), withoutStream(Files.readString(live.resolve(master)), playlist),
                StandardCharsets.UTF_8);
        if (sha256 != null && Files.exists(live.resolve(sha256))) {
            Map<String, String> hashes = new TreeMap<>(Json.MAPPER.readValue(live.resolve(sha256).toFile(),
                    new TypeReference<Map<String, String>>() { }));
            hashes.keySet().removeIf(k -> k.startsWith(stem + "-"));
            Files.writeString(work.resolve(sha256), Json.write(hashes), StandardCharsets.UTF_8);
        }
    }

    /** Step two, once the database no longer lists the rung: the new folder replaces the old in one rename. */
    public void swap(String uuid) throws IOException {
        Path live = media.hlsDir(uuid);
        Path old = live.resolveSibling(".old-" + uuid);
        MediaLayout.moveAtomically(live, old);
        MediaLayout.moveAtomically(media.hlsWorkDir(uuid), live);
        MediaLayout.deleteTree(old);
    }

    /** The work dir goes when the database refused the change (the ladder changed meanwhile). */
    public void abandon(String uuid) {
        MediaLayout.deleteTree(media.hlsWorkDir(uuid));
    }

    /** The master playlist without the #EXT-X-STREAM-INF entry (its line and the URI after it) of {@code playlist}. */
    static String withoutStream(String master, String playlist) {
        List<String> out = new ArrayList<>();
        String[] lines = master.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("#EXT-X-STREAM-INF") && i + 1 < lines.length && lines[i + 1].trim().equals(playlist)) {
                i++;
                continue;
            }
            out.add(lines[i]);
        }
        return String.join("\n", out);
    }
}
