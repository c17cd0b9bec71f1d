package org.peerlet.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * The seek bar's preview: one small picture every {@code spriteDuration} seconds, laid out in a grid
 * on one JPEG, as PeerTube's storyboards are. Fed the upright pictures the ladder is made from, so it
 * costs a small scale per sprite and no second decode.
 */
final class StoryboardSheet implements AutoCloseable {
    /** The longer side of one sprite, and the most sprites on one side of the grid (PeerTube's). */
    static final int SPRITE_MAX_SIZE = 192;
    static final int MAX_EDGE = 11;
    /** Shorter videos get none, as on PeerTube. */
    static final double MIN_SECONDS = 3;
    static final String FILE = "storyboard.jpg";

    private final TranscodeResult.Storyboard plan;
    private final RungScaler scaler;
    private final AVFrame sheet = av_frame_alloc();
    private final byte[] row;
    private int placed;

    private StoryboardSheet(TranscodeResult.Storyboard plan) throws MediaException {
        this.plan = plan;
        sheet.format(AV_PIX_FMT_YUV420P).width(plan.totalWidth()).height(plan.totalHeight());
        Ff.check(av_frame_get_buffer(sheet, 0), "allocating the storyboard");
        // Tiles a truncated source never reaches stay black.
        fill(0, plan.totalHeight(), 16);
        fill(1, plan.totalHeight() / 2, 128);
        fill(2, plan.totalHeight() / 2, 128);
        scaler = new RungScaler(plan.spriteWidth(), plan.spriteHeight());
        row = new byte[plan.spriteWidth()];
    }

    /** A sheet for a video of this length and picture size, or null when it gets none. */
    static StoryboardSheet plan(double duration, double width, double height) throws MediaException {
        if (duration < MIN_SECONDS || width <= 0 || height <= 0) return null;
        int maxSprites = (int) Math.min(Math.ceil(duration), MAX_EDGE * MAX_EDGE);
        int spriteDuration = (int) Math.ceil(duration / maxSprites);
        int total = (int) Math.ceil(duration / spriteDuration);
        double scale = SPRITE_MAX_SIZE / Math.max(width, height);
        int w = Math.max(2, Ff.even(width * scale));
        int h = Math.max(2, Ff.even(height * scale));
        int columns = Math.min(MAX_EDGE, total);
        int rows = (total + columns - 1) / columns;
        return new StoryboardSheet(new TranscodeResult.Storyboard(FILE, w, h, w * columns, h * rows, spriteDuration));
    }

    /** Takes the picture shown at {@code seconds} if it is the first at or after the next sprite's time. */
    void offer(AVFrame upright, double seconds) throws MediaException {
        int columns = plan.totalWidth() / plan.spriteWidth();
        int capacity = columns * (plan.totalHeight() / plan.spriteHeight());
        if (placed >= capacity || seconds < (double) placed * plan.spriteDuration()) return;
        AVFrame small = scaler.scale(upright);
        int x = (placed % columns) * plan.spriteWidth();
        int y = (placed / columns) * plan.spriteHeight();
        copyPlane(small, 0, x, y, plan.spriteWidth(), plan.spriteHeight());
        copyPlane(small, 1, x / 2, y / 2, plan.spriteWidth() / 2, plan.spriteHeight() / 2);
        copyPlane(small, 2, x / 2, y / 2, plan.spriteWidth() / 2, plan.spriteHeight() / 2);
        placed++;
    }

    /** Writes the sheet into {@code dir}; what the API tells of it. */
    TranscodeResult.Storyboard write(Path dir) throws MediaException {
        JpegWriter.write(sheet, dir.resolve(FILE), plan.totalWidth(), plan.totalHeight());
        return plan;
    }

    private void copyPlane(AVFrame from, int plane, int x, int y, int width, int height) {
        BytePointer src = from.data(plane);
        BytePointer dst = sheet.data(plane);
        int srcStride = from.linesize(plane);
        int dstStride = sheet.linesize(plane);
        src.capacity((long) srcStride * height);
        dst.capacity((long) dstStride * (plan.totalHeight() >> (plane == 0 ? 0 : 1)));
        for (int r = 0; r < height; r++) {
            src.position((long) r * srcStride).get(row, 0, width);
            dst.position((long) (y + r) * dstStride + x).put(row, 0, width);
        }
    }

    private void fill(int plane, int rows, int value) {
        sheet.data(plane).capacity((long) sheet.linesize(plane) * rows).fill(value);
    }

    @Override
    public void close() {
        scaler.close();
        av_frame_free(sheet);
    }
}
