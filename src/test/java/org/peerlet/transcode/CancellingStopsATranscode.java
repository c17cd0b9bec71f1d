package org.peerlet.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.TestClips;

class CancellingStopsATranscode {

    @TempDir
    Path dir;

    @Test
    void a_cancel_during_the_transcode_stops_it_with_cancelled() {
        Path src = TestClips.h264Aac(dir.resolve("src.mp4"), 320, 240, 3, 25);
        CancelToken token = new CancelToken();
        AtomicInteger calls = new AtomicInteger();
        ProgressListener cancelAtFirstProgress = (fraction, perRung) -> {
            calls.incrementAndGet();
            token.cancel();
        };
        TranscodeRequest request = TranscodeRequest.of(src, dir.resolve("out")).withResolutions(List.of(240));
        assertThatThrownBy(() -> new FfmpegEngine().transcode(request, cancelAtFirstProgress, token))
                .isInstanceOf(MediaException.class).hasMessage("cancelled")
                .matches(e -> !((MediaException) e).permanent());
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void a_token_cancelled_beforehand_stops_it_at_once() {
        Path src = TestClips.h264Aac(dir.resolve("src.mp4"), 320, 240, 1, 25);
        CancelToken token = new CancelToken();
        token.cancel();
        TranscodeRequest request = TranscodeRequest.of(src, dir.resolve("out"));
        assertThatThrownBy(() -> new FfmpegEngine().transcode(request, ProgressListener.NONE, token))
                .isInstanceOf(MediaException.class).hasMessage("cancelled");
    }
}
