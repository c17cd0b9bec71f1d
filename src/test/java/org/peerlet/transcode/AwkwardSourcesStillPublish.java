package org.peerlet.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.TestClips;

class AwkwardSourcesStillPublish {

    @TempDir
    Path dir;

    private final MediaEngine engine = new FfmpegEngine();

    private TranscodeResult transcode(Path source, List<Integer> heights) throws MediaException {
        return engine.transcode(TranscodeRequest.of(source, dir.resolve("out")).withResolutions(heights),
                ProgressListener.NONE, CancelToken.none());
    }

    private HlsOutput.RungContent rung(TranscodeResult r, int i) {
        return HlsOutput.rung(dir.resolve("out"), r.rungs().get(i).playlist());
    }

    @Test
    void a_portrait_phone_clip_stays_portrait() throws Exception {
        Path src = TestClips.withRotation(dir.resolve("p.mp4"), 640, 360, 1, 25, 90);
        TranscodeResult r = transcode(src, List.of(240, 360, 480, 720));
        // Display is 360 wide, 640 high. Resolutions are shorter sides, as in PeerTube: 240p and 360p
        // come out 240 and 360 wide, as many pixels as landscape ones, and nothing is upscaled.
        assertThat(r.rungs()).extracting(TranscodeResult.Rung::resolution).containsExactly(240, 360);
        assertThat(r.rungs()).extracting(TranscodeResult.Rung::width).containsExactly(240, 360);
        assertThat(r.rungs()).extracting(TranscodeResult.Rung::height).containsExactly(426, 640);
        assertThat(r.rungs()).extracting(TranscodeResult.Rung::playlist).containsExactly("240.m3u8", "360.m3u8");
        HlsOutput.RungContent c = rung(r, 1);
        assertThat(c.width()).isEqualTo(360);
        assertThat(c.height()).isEqualTo(640);
        assertThat(c.videoFrames()).isEqualTo(25);
    }

    @Test
    void a_clip_turned_upside_down_keeps_its_landscape_size() throws Exception {
        Path src = TestClips.withRotation(dir.resolve("u.mp4"), 320, 180, 1, 25, 180);
        TranscodeResult r = transcode(src, List.of(180));
        assertThat(rung(r, 0).width()).isEqualTo(320);
        assertThat(rung(r, 0).height()).isEqualTo(180);
    }

    @Test
    void an_odd_sized_yuv444_mkv_without_audio_becomes_even_yuv420p_video_only() throws Exception {
        TranscodeResult r = transcode(TestClips.yuv444OddMkv(dir.resolve("o.mkv"), 1), List.of(240, 360, 480));
        assertThat(r.rungs()).extracting(TranscodeResult.Rung::height).containsExactly(240, 360);
        assertThat(r.rungs()).extracting(TranscodeResult.Rung::width).containsExactly(428, 642);
        HlsOutput.RungContent c = rung(r, 1);
        assertThat(c.pixelFormat()).isEqualTo("yuv420p");
        assertThat(c.audioCodec()).isNull();
        assertThat(c.width() % 2).isZero();
        assertThat(r.rungs().get(0).codecs()).doesNotContain("mp4a");
        assertThat(r.durationSeconds()).isCloseTo(1.0, offset(0.1));
    }

    @Test
    void a_source_smaller_than_the_lowest_rung_gets_one_rung_at_its_own_even_size() throws Exception {
        // 4:4:4 so x264 accepts odd sizes in the source.
        Path tiny = TestClips.clip(dir.resolve("tiny.mp4")).video("libx264", 175, 145, 25)
                .pixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P).audio("aac").seconds(1).write();
        TranscodeResult r = transcode(tiny, List.of(240, 360));
        assertThat(rung(r, 0).width()).isEqualTo(174);
        assertThat(r.rungs()).singleElement().satisfies(rung -> {
            assertThat(rung.width()).isEqualTo(174);
            assertThat(rung.height()).isEqualTo(144);
        });
        assertThat(r.warnings()).anyMatch(w -> w.contains("smaller than the lowest rung"));
    }

    @Test
    void a_10_bit_source_becomes_8_bit_yuv420p() throws Exception {
        Path src = TestClips.clip(dir.resolve("ten.mp4")).video("libx264", 320, 180, 25)
                .pixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE).seconds(1).write();
        assertThat(engine.probe(src).bitDepth()).isEqualTo(10);
        TranscodeResult r = transcode(src, List.of(180));
        assertThat(rung(r, 0).pixelFormat()).isEqualTo("yuv420p");
        assertThat(rung(r, 0).videoFrames()).isEqualTo(25);
    }

    @Test
    void an_output_directory_with_percent_and_colon_in_its_name_works() throws Exception {
        Path src = TestClips.h264Aac(dir.resolve("a:b.mp4"), 320, 180, 1, 25);
        Path out = dir.resolve("100% done:1");
        TranscodeResult r = engine.transcode(TranscodeRequest.of(src, out).withResolutions(List.of(180)),
                ProgressListener.NONE, CancelToken.none());
        assertThat(HlsOutput.rung(out, r.rungs().get(0).playlist()).videoFrames()).isEqualTo(25);
    }

    @Test
    void a_vp9_opus_webm_is_transcoded_to_h264_aac() throws Exception {
        TranscodeResult r = transcode(TestClips.vp9Opus(dir.resolve("v.webm"), 320, 180, 1, 25), List.of(180));
        HlsOutput.RungContent c = rung(r, 0);
        assertThat(c.videoCodec()).isEqualTo("h264");
        assertThat(c.audioCodec()).isEqualTo("aac");
        assertThat(c.videoFrames()).isEqualTo(25);
        assertThat(r.durationSeconds()).isCloseTo(1.0, offset(0.1));
    }

    @Test
    void an_hevc_source_is_transcoded_when_the_build_can_make_one() throws Exception {
        Assumptions.assumeTrue(TestClips.hasEncoder("libx265"), "no libx265 in this FFmpeg build");
        TranscodeResult r = transcode(TestClips.hevcAac(dir.resolve("h.mp4"), 320, 180, 1, 25), List.of(180));
        assertThat(rung(r, 0).videoCodec()).isEqualTo("h264");
        assertThat(rung(r, 0).videoFrames()).isEqualTo(25);
    }

    @Test
    void an_mp3_without_video_becomes_a_still_picture_video_with_its_sound() throws Exception {
        TranscodeResult r = transcode(TestClips.audioOnly(dir.resolve("s.mp3"), 2), List.of(240, 360, 720));
        assertThat(r.rungs()).singleElement().satisfies(rung -> {
            assertThat(rung.height()).isEqualTo(360);
            assertThat(rung.width()).isEqualTo(640);
            assertThat(rung.codecs()).endsWith("mp4a.40.2");
        });
        HlsOutput.RungContent c = rung(r, 0);
        assertThat(c.videoCodec()).isEqualTo("h264");
        assertThat(c.audioCodec()).isEqualTo("aac");
        assertThat(c.audioSeconds()).isCloseTo(2.0, offset(0.1));
        assertThat(c.videoSeconds()).isCloseTo(2.0, offset(0.15));
        assertThat(r.warnings()).anyMatch(w -> w.contains("audio-only"));
    }

    @Test
    void an_aac_file_without_video_is_published_too() throws Exception {
        TranscodeResult r = transcode(TestClips.audioOnly(dir.resolve("s.m4a"), 1), List.of(360));
        assertThat(rung(r, 0).audioCodec()).isEqualTo("aac");
        assertThat(r.durationSeconds()).isCloseTo(1.0, offset(0.1));
    }
}
