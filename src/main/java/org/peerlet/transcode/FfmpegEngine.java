package org.peerlet.transcode;

import java.nio.file.Path;

/**
 * {@link MediaEngine} on FFmpeg's own libraries, in-process through JavaCPP (no ffmpeg subprocess).
 * Stateless: every call opens and frees its own native objects, so calls may run concurrently.
 * The natives load on first use; if they cannot, calls fail with {@link EngineUnavailableException}.
 */
public final class FfmpegEngine implements MediaEngine {
    private volatile String natives = "not loaded yet";

    @Override
    public String natives() {
        return natives;
    }

    @Override
    public ProbeResult probe(Path file) throws MediaException {
        try (InputFile in = InputFile.open(file)) {
            natives = "loaded";
            return in.describe();
        } catch (LinkageError e) {
            natives = "unavailable: " + e.getMessage();
            throw new EngineUnavailableException(e);
        }
    }

    @Override
    public TranscodeResult transcode(TranscodeRequest request, ProgressListener progress, CancelToken cancel)
            throws MediaException {
        try (TranscodeJob job = new TranscodeJob(request, progress, cancel)) {
            natives = "loaded";
            return job.run();
        } catch (LinkageError e) {
            natives = "unavailable: " + e.getMessage();
            throw new EngineUnavailableException(e);
        }
    }
}
