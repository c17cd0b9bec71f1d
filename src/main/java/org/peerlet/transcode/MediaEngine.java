package org.peerlet.transcode;

import java.nio.file.Path;

/** The one seam to FFmpeg; replaceable. Thread-safe; each call independent. */
public interface MediaEngine {

    /** Reads the container header and stream parameters only (fast, no full decode). */
    ProbeResult probe(Path file) throws MediaException;

    /**
     * Decodes the source once and writes an HLS (fMP4) ladder into {@code request.outputDir()}.
     * The caller owns that directory: on failure it may hold partial files and should be discarded.
     */
    TranscodeResult transcode(TranscodeRequest request, ProgressListener progress, CancelToken cancel)
            throws MediaException;

    /** Whether FFmpeg's libraries are loaded: "loaded", "not loaded yet" (they load at the first use) or why not. */
    default String natives() {
        return "loaded";
    }
}
