package org.peerlet.media;

import net.coobird.thumbnailator.Thumbnails;
import org.peerlet.http.ApiError;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Thumbnails and previews: uploaded images are checked, scaled and stored as JPEG. */
public final class Images {
    public static final int THUMBNAIL_WIDTH = 560;
    public static final int THUMBNAIL_HEIGHT = 315;
    public static final int PREVIEW_WIDTH = 1280;
    public static final int PREVIEW_HEIGHT = 720;
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    private Images() {
    }

    /**
     * Reads an image (PNG, JPEG, GIF, BMP), scales it to fit the box and writes a JPEG through a
     * temporary file and a rename. Anything that is not an image gets a clear 400.
     */
    public static void storeScaled(InputStream in, long size, Path target, int width, int height, String field) {
        if (size > MAX_BYTES) throw ApiError.tooLarge(field + " is larger than 4 MB");
        BufferedImage img;
        try {
            img = ImageIO.read(in);
        } catch (IOException e) {
            img = null;
        }
        if (img == null) throw ApiError.badRequest(field + " is not an image this server can read (PNG or JPEG)");
        Path tmp = target.resolveSibling(".tmp-" + target.getFileName());
        try {
            Thumbnails.of(img).size(width, height).outputFormat("jpg").outputQuality(0.85).toFile(tmp.toFile());
            MediaLayout.moveAtomically(tmp, target);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to clean
            }
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies an image made by the transcoder into place, scaled to the box. */
    public static void storeScaled(Path source, Path target, int width, int height) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            storeScaled(in, 0, target, width, height, "image");
        }
    }
}
