package org.peerlet.transcode;

/**
 * FFmpeg's libraries could not be loaded on this machine: nothing is wrong with the file, and a
 * retry helps once the operator has installed what is missing and restarted.
 */
public final class EngineUnavailableException extends MediaException {

    // libavutil of the linux-arm64 build links the system's VA-API and DRM libraries, which a
    // minimal Raspberry Pi OS may lack (the x86-64 build carries its own copies).
    private static final String HINT = "on Debian or Raspberry Pi OS: apt-get install libva2 libva-drm2 libdrm2, then restart Peerlet";

    EngineUnavailableException(LinkageError cause) {
        super("the video engine cannot start on this server (" + cause.getMessage() + "); " + HINT, false, cause);
    }
}
