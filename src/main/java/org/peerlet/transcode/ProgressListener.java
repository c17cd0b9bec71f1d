package org.peerlet.transcode;

import java.util.Map;

/** Told how far a transcode has gone; called from the transcoding thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fraction, perRung) -> { };

    /**
     * @param fraction overall progress 0..1
     * @param perRung  progress 0..1 of each rung, keyed by rung resolution (shorter side)
     */
    void onProgress(double fraction, Map<Integer, Double> perRung);
}
