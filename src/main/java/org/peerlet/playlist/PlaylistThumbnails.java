package org.peerlet.playlist;

import org.peerlet.media.MediaLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a playlist's own image lives: beside the videos' images, in a folder of its own. */
final class PlaylistThumbnails {
    private PlaylistThumbnails() {
    }

    static Path path(MediaLayout media, String uuid) {
        return media.root().resolve("playlist-thumbnails").resolve(uuid + ".jpg");
    }

    static void delete(MediaLayout media, String uuid) {
        try {
            Files.deleteIfExists(path(media, uuid));
        } catch (IOException e) {
            // Left behind: an orphan image costs a few kilobytes and serves no one (its playlist is gone).
        }
    }
}
