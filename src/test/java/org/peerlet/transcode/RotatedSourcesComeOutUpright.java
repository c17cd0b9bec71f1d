package org.peerlet.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerlet.testing.TestClips;

class RotatedSourcesComeOutUpright {

    @TempDir
    Path dir;

    private final MediaEngine engine = new FfmpegEngine();

    /** Higher than any clip here: each gets one rung at its own upright size. */
    private TranscodeResult transcode(Path source) throws MediaException {
        return engine.transcode(TranscodeRequest.of(source, dir.resolve("out")).withResolutions(List.of(1080)),
                ProgressListener.NONE, CancelToken.none());
    }

    @ParameterizedTest(name = "turned {0} degrees clockwise")
    @CsvSource({"90, 1, 0", "180, 1, 1", "270, 0, 1"})
    void the_marked_top_left_corner_lands_where_a_player_shows_it(int degrees, int right, int bottom) throws Exception {
        Path src = TestClips.clip(dir.resolve("c.mp4")).video("libx264", 320, 180, 25).cornerMark()
                .audio("aac").seconds(0.4).rotation(degrees).write();
        TranscodeResult r = transcode(src);
        boolean quarter = degrees != 180;
        assertThat(r.rungs()).singleElement().satisfies(rung -> {
            assertThat(rung.width()).isEqualTo(quarter ? 180 : 320);
            assertThat(rung.height()).isEqualTo(quarter ? 320 : 180);
        });
        assertOnlyBrightCorner(HlsOutput.firstPicture(dir.resolve("out"), r.rungs().get(0).playlist()), right, bottom);
    }

    @Test
    void a_10_bit_portrait_clip_is_converted_then_turned() throws Exception {
        assertConvertedAndTurned(AV_PIX_FMT_YUV420P10LE, 320, 180, 90, 180, 320, 1, 0);
    }

    @Test
    void an_odd_sized_yuv444_clip_turned_270_degrees_comes_out_even() throws Exception {
        assertConvertedAndTurned(AV_PIX_FMT_YUV444P, 175, 145, 270, 144, 174, 0, 1);
    }

    /** A w x h clip in a format that is not 8-bit 4:2:0, turned, comes out upright at the expected size. */
    private void assertConvertedAndTurned(int pixelFormat, int w, int h, int degrees, int outW, int outH, int right, int bottom) throws Exception {
        Path src = TestClips.clip(dir.resolve("c.mp4")).video("libx264", w, h, 25).cornerMark()
                .pixelFormat(pixelFormat).seconds(0.4).rotation(degrees).write();
        TranscodeResult r = transcode(src);
        HlsOutput.Picture picture = HlsOutput.firstPicture(dir.resolve("out"), r.rungs().get(0).playlist());
        assertThat(picture.width()).isEqualTo(outW);
        assertThat(picture.height()).isEqualTo(outH);
        assertOnlyBrightCorner(picture, right, bottom);
    }

    private static void assertOnlyBrightCorner(HlsOutput.Picture picture, int right, int bottom) {
        for (int x = 0; x <= 1; x++) {
            for (int y = 0; y <= 1; y++) {
                double luma = picture.cornerLuma(x, y);
                if (x == right && y == bottom) {
                    assertThat(luma).as("the marked corner at (%d, %d)", x, y).isGreaterThan(200);
                } else {
                    assertThat(luma).as("an unmarked corner at (%d, %d)", x, y).isLessThan(60);
                }
            }
        }
    }

    @ParameterizedTest(name = "turned {0} degrees clockwise")
    @ValueSource(ints = {90, 180, 270})
    void every_sample_of_every_plane_moves_where_the_turn_sends_it(int degrees) throws Exception {
        // Odd, wider and taller than a tile, and with padded rows: every edge case of the plane walk at once.
        assertEverySampleMoves(degrees, 2 * FrameRotator.TILE + 3, FrameRotator.TILE + 13, new Random(degrees));
    }

    @ParameterizedTest(name = "turned {0} degrees clockwise")
    @ValueSource(ints = {90, 180, 270})
    void every_sample_moves_right_whatever_the_size_modulo_8(int degrees) throws Exception {
        // 8x8 blocks inside, sample by sample at the edges: every remainder of luma and chroma, on both
        // sides of a tile's edge (turned, the width becomes the height).
        Random random = new Random(degrees);
        for (int w = FrameRotator.TILE - 7; w <= FrameRotator.TILE + 8; w++) {
            for (int h = 9; h <= 24; h++) assertEverySampleMoves(degrees, w, h, random);
        }
    }

    private static void assertEverySampleMoves(int degrees, int w, int h, Random random) throws Exception {
        AVFrame frame = randomPicture(w, h, random);
        try (FrameRotator rotator = new FrameRotator(degrees)) {
            AVFrame upright = rotator.upright(frame);
            boolean quarter = degrees != 180;
            assertThat(upright.width()).isEqualTo(quarter ? h : w);
            assertThat(upright.height()).isEqualTo(quarter ? w : h);
            assertThat(upright.format()).isEqualTo(AV_PIX_FMT_YUV420P);
            assertThat(upright.pts()).isEqualTo(frame.pts());
            for (int p = 0; p < 3; p++) {
                int pw = p == 0 ? w : (w + 1) / 2, ph = p == 0 ? h : (h + 1) / 2;
                for (int y = 0; y < ph; y++) {
                    for (int x = 0; x < pw; x++) {
                        // Where (x, y) goes, seen by a viewer turning the picture clockwise.
                        int tx = switch (degrees) { case 90 -> ph - 1 - y; case 180 -> pw - 1 - x; default -> y; };
                        int ty = switch (degrees) { case 90 -> x; case 180 -> ph - 1 - y; default -> pw - 1 - x; };
                        assertThat(sample(upright, p, tx, ty)).as("%dx%d, plane %d (%d, %d)", w, h, p, x, y).isEqualTo(sample(frame, p, x, y));
                    }
                }
            }
        } finally {
            av_frame_free(frame);
        }
    }

    @Test
    void a_picture_still_held_by_someone_else_is_never_overwritten() throws Exception {
        AVFrame first = randomPicture(40, 30, new Random(1));
        AVFrame second = randomPicture(40, 30, new Random(2));
        try (FrameRotator rotator = new FrameRotator(90)) {
            AVFrame held = av_frame_clone(rotator.upright(first)); // as the thumbnail or an encoder keeps it
            int before = sample(held, 0, 5, 7);
            rotator.upright(second);
            assertThat(sample(held, 0, 5, 7)).isEqualTo(before).isEqualTo(sample(first, 0, 7, 30 - 1 - 5));
            av_frame_free(held);
        } finally {
            av_frame_free(first);
            av_frame_free(second);
        }
    }

    @Test
    void without_rotation_the_decoded_frame_itself_goes_on() throws Exception {
        AVFrame frame = randomPicture(16, 16, new Random(3));
        try (FrameRotator rotator = new FrameRotator(0)) {
            assertThat(rotator.upright(frame).address()).isEqualTo(frame.address());
        } finally {
            av_frame_free(frame);
        }
    }

    private static AVFrame randomPicture(int w, int h, Random random) throws MediaException {
        AVFrame f = av_frame_alloc();
        f.format(AV_PIX_FMT_YUV420P).width(w).height(h).pts(42);
        Ff.check(av_frame_get_buffer(f, 0), "allocating a test picture");
        for (int p = 0; p < 3; p++) {
            byte[] bytes = new byte[f.linesize(p) * (p == 0 ? h : (h + 1) / 2)];
            random.nextBytes(bytes);
            f.data(p).put(bytes);
        }
        return f;
    }

    private static int sample(AVFrame f, int plane, int x, int y) {
        return f.data(plane).get((long) y * f.linesize(plane) + x) & 0xff;
    }
}
