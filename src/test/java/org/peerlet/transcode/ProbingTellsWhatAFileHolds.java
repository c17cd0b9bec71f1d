package org.peerlet.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.TestClips;

class ProbingTellsWhatAFileHolds {

    @TempDir
    Path dir;

    private final MediaEngine engine = new FfmpegEngine();

    @Test
    void an_h264_aac_mp4_is_described_fully() throws Exception {
        Path clip = TestClips.h264Aac(dir.resolve("a.mp4"), 320, 240, 2, 25);
        ProbeResult p = engine.probe(clip);
        assertThat(p.hasVideo()).isTrue();
        assertThat(p.hasAudio()).isTrue();
        assertThat(p.videoCodec()).isEqualTo("h264");
        assertThat(p.audioCodec()).isEqualTo("aac");
        assertThat(p.width()).isEqualTo(320);
        assertThat(p.height()).isEqualTo(240);
        assertThat(p.displayWidth()).isEqualTo(320);
        assertThat(p.rotation()).isZero();
        assertThat(p.fps()).isCloseTo(25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(p.durationSeconds()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(p.containerFormat()).contains("mp4");
        assertThat(p.pixelFormat()).isEqualTo("yuv420p");
        assertThat(p.bitDepth()).isEqualTo(8);
        assertThat(p.sizeBytes()).isPositive();
    }

    @Test
    void a_portrait_phone_clip_reports_its_rotation_and_upright_size() throws Exception {
        Path clip = TestClips.withRotation(dir.resolve("r.mp4"), 320, 180, 1, 25, 90);
        ProbeResult p = engine.probe(clip);
        assertThat(p.rotation()).isEqualTo(90);
        assertThat(p.width()).isEqualTo(320);
        assertThat(p.height()).isEqualTo(180);
        assertThat(p.displayWidth()).isEqualTo(180);
        assertThat(p.displayHeight()).isEqualTo(320);
    }

    @Test
    void a_yuv444_mkv_without_audio_reports_its_format() throws Exception {
        ProbeResult p = engine.probe(TestClips.yuv444OddMkv(dir.resolve("o.mkv"), 1));
        assertThat(p.containerFormat()).contains("matroska");
        assertThat(p.hasAudio()).isFalse();
        assertThat(p.width()).isEqualTo(852);
        assertThat(p.height()).isEqualTo(478);
        assertThat(p.pixelFormat()).isEqualTo("yuv444p");
    }

    @Test
    void an_audio_only_file_has_no_video() throws Exception {
        ProbeResult p = engine.probe(TestClips.audioOnly(dir.resolve("s.mp3"), 1));
        assertThat(p.hasVideo()).isFalse();
        assertThat(p.hasAudio()).isTrue();
        assertThat(p.audioCodec()).isEqualTo("mp3");
    }

    @Test
    void an_empty_file_is_refused_for_good() {
        Path f = TestClips.empty(dir.resolve("e.mp4"));
        assertThatThrownBy(() -> engine.probe(f))
                .isInstanceOf(MediaException.class).hasMessage("file is empty")
                .matches(e -> ((MediaException) e).permanent());
    }

    @Test
    void a_text_file_named_mp4_is_refused_for_good() {
        Path f = TestClips.notAVideo(dir.resolve("t.mp4"));
        assertThatThrownBy(() -> engine.probe(f))
                .isInstanceOf(MediaException.class).hasMessageContaining("not a media file")
                .matches(e -> ((MediaException) e).permanent());
    }
}
