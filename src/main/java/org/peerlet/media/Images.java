package org.peerlet.media;

import net.coobird.thumbnailator.Thumbnails;
import org.peerlet.http.ApiError;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * Uploaded images (thumbnails, previews, avatars, banners): the type is sniffed from the bytes,
 * the size is read from the header and checked before any pixel is decoded (a small file can
 * claim a huge picture), large pictures are decoded subsampled to about the size they are made
 * into (a phone photo costs a few MB of heap, not 50), then scaled and stored as JPEG.
 */
public final class Images {
    public static final int THUMBNAIL_WIDTH = 560;
    public static final int THUMBNAIL_HEIGHT = 315;
    public static final int PREVIEW_WIDTH = 1280;
    public static final int PREVIEW_HEIGHT = 720;
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    /** Larger sides or pixel counts than any camera makes: a decompression bomb, refused unread. */
    static final int MAX_SIDE = 16_384;
    static final long MAX_PIXELS = 100_000_000L;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp");

    private Images() {
    }

    /**
     * Reads an image (PNG, JPEG, GIF, BMP), scales it to fit the box and writes a JPEG through a
     * temporary file and a rename. Anything that is not an image gets a clear 400.
     */
    public static void storeScaled(InputStream in, long size, Path target, int width, int height, String field) {
        storeScaled(readCapped(in, size, field), target, width, height, field);
    }

    private static void storeScaled(byte[] bytes, Path target, int width, int height, String field) {
        BufferedImage img = decode(bytes, width, height, field);
        write(target, tmp -> Thumbnails.of(img).size(width, height).outputFormat("jpg").outputQuality(0.85)
                .toFile(tmp.toFile()));
    }

    /** Copies an image made by the transcoder into place, scaled to the box (ours: a large frame is no upload). */
    public static void storeScaled(Path source, Path target, int width, int height) throws IOException {
        storeScaled(Files.readAllBytes(source), target, width, height, "image");
    }

    /**
     * An already decoded image cut to the box's shape (centred) and scaled to fill it, as a JPEG.
     * Cut first, then scaled: a long thin picture never becomes a huge one on the way.
     */
    static void storeCropped(BufferedImage img, Path target, int width, int height) {
        int w = img.getWidth();
        int h = img.getHeight();
        int cw = (int) Math.min(w, Math.max(1, Math.round((double) h * width / height)));
        int ch = (int) Math.min(h, Math.max(1, Math.round((double) w * height / width)));
        BufferedImage cut = img.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch);
        write(target, tmp -> Thumbnails.of(cut).forceSize(width, height).outputFormat("jpg")
                .outputQuality(0.85).toFile(tmp.toFile()));
    }

    /** The bytes of an upload, refused (413) past {@link #MAX_BYTES} whatever its declared size. */
    static byte[] readCapped(InputStream in, long declared, String field) {
        if (declared > MAX_BYTES) throw ApiError.tooLarge(field + " is larger than 4 MB");
        try {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) throw ApiError.tooLarge(field + " is larger than 4 MB");
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes an image no smaller than the box where it can (subsampled when it is much larger);
     * 400 for what is not one of our formats, or whose header claims an absurd size.
     */
    static BufferedImage decode(byte[] bytes, int width, int height, String field) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
            if (readers == null || !readers.hasNext()) throw notAnImage(field);
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(java.util.Locale.ROOT))) throw notAnImage(field);
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw ApiError.badRequest(field + " is " + w + "x" + h + " pixels: at most " + MAX_SIDE
                            + " a side and " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(w / Math.max(1, width), h / Math.max(1, height)));
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                return opaque(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiError a) throw a;
            throw notAnImage(field);
        }
    }

    /**
     * Plain RGB, which every step after understands: JPEG has no transparency (transparent pixels
     * go on white rather than on garbage), and palette or one-bit pictures are widened.
     */
    private static BufferedImage opaque(BufferedImage img) {
        int type = img.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR) return img;
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static RuntimeException notAnImage(String field) {
        return ApiError.badRequest(field + " is not an image this server can read (PNG, JPEG or GIF)");
    }

    private interface Writer {
        void write(Path tmp) throws IOException;
    }

    /** Writes through a temporary file and a rename, so a reader never sees half an image. */
    private static void write(Path target, Writer writer) {
        Path tmp = target.resolveSibling(".tmp-" + target.getFileName());
        try {
            writer.write(tmp);
            MediaLayout.moveAtomically(tmp, target);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to clean
            }
            throw new UncheckedIOException(e);
        }
    }
}
