package org.peerlet.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.TestClips;

@Timeout(60)
class BrokenInputsFailClearly {

    @TempDir
    Path dir;

    private final MediaEngine engine = new FfmpegEngine();

    private TranscodeResult transcode(Path source) throws MediaException {
        return engine.transcode(TranscodeRequest.of(source, dir.resolve("out")).withResolutions(List.of(240)),
                ProgressListener.NONE, CancelToken.none());
    }

    private static boolean permanent(Throwable e) {
        return ((MediaException) e).permanent();
    }

    @Test
    void an_empty_file_is_refused_for_good() {
        Path f = TestClips.empty(dir.resolve("empty.mp4"));
        assertThatThrownBy(() -> transcode(f)).isInstanceOf(MediaException.class)
                .hasMessage("file is empty").matches(BrokenInputsFailClearly::permanent);
    }

    @Test
    void a_text_file_named_mp4_is_refused_for_good() {
        Path f = TestClips.notAVideo(dir.resolve("notes.mp4"));
        assertThatThrownBy(() -> transcode(f)).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("not a media file").matches(BrokenInputsFailClearly::permanent);
    }

    @Test
    void a_missing_file_is_refused_for_good() {
        assertThatThrownBy(() -> transcode(dir.resolve("nowhere.mp4"))).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("cannot read file").matches(BrokenInputsFailClearly::permanent);
    }

    @Test
    void the_first_40_kb_of_a_camera_mp4_fail_fast_and_for_good() {
        // Cameras write the index (moov) at the end: the head alone has no index at all.
        Path whole = TestClips.h264Aac(dir.resolve("whole.mp4"), 1280, 720, 5, 15);
        Path head = TestClips.truncate(whole, dir.resolve("head.mp4"), 40 * 1024);
        long start = System.nanoTime();
        assertThatThrownBy(() -> transcode(head)).isInstanceOf(MediaException.class)
                .hasMessageContaining("truncated").matches(BrokenInputsFailClearly::permanent);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void the_first_40_kb_of_a_streaming_mp4_say_how_little_decoded() {
        // Index first (+faststart): the header promises 5 s, but 40 KB hold far less than a second.
        Path whole = TestClips.h264AacFaststart(dir.resolve("whole.mp4"), 1280, 720, 5, 15);
        Path head = TestClips.truncate(whole, dir.resolve("head.mp4"), 40 * 1024);
        assertThatThrownBy(() -> transcode(head)).isInstanceOf(MediaException.class)
                .hasMessageMatching("truncated: decoded \\d+\\.\\d s of 5\\.0 s").matches(BrokenInputsFailClearly::permanent);
    }

    @Test
    void a_streaming_mp4_cut_in_the_middle_publishes_what_decodes_and_says_so() throws Exception {
        Path whole = TestClips.h264AacFaststart(dir.resolve("whole.mp4"), 320, 240, 4, 25);
        Path half = TestClips.truncate(whole, dir.resolve("half.mp4"), Files.size(whole) * 6 / 10);
        TranscodeResult r = transcode(half);
        assertThat(r.truncated()).isTrue();
        assertThat(r.durationSeconds()).isBetween(1.0, 3.5);
        assertThat(r.warnings()).anyMatch(w -> w.matches("truncated: decoded \\d+\\.\\d s of 4\\.0 s; published what decoded"));
        HlsOutput.RungContent c = HlsOutput.rung(dir.resolve("out"), r.rungs().get(0).playlist());
        assertThat(c.videoSeconds()).isCloseTo(r.durationSeconds(), offset(0.3));
    }
}
