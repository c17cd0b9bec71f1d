package org.peerlet.transcode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which rungs to make for a source: never upscale, even sizes, the source's aspect. A rung's
 * resolution is its shorter side, as in PeerTube: "720p" is 1280x720 for a landscape source and
 * 720x1280 for a phone held upright, the same number of pixels either way.
 */
final class LadderPlan {

    record Size(int width, int height) {
        int resolution() {
            return Math.min(width, height);
        }
    }

    private LadderPlan() {
    }

    /**
     * @param displayWidth  upright picture width (rotation and pixel aspect applied)
     * @param displayHeight upright picture height
     * @param wantedResolutions shorter sides of the rungs wanted
     */
    static List<Size> plan(double displayWidth, double displayHeight, List<Integer> wantedResolutions) {
        boolean portrait = displayHeight > displayWidth;
        double longPerShort = portrait ? displayHeight / displayWidth : displayWidth / displayHeight;
        int maxResolution = Ff.even(Math.min(displayWidth, displayHeight));
        List<Size> sizes = new ArrayList<>();
        for (int r : new TreeSet<>(wantedResolutions)) {
            int shortSide = Ff.even(r);
            if (shortSide > maxResolution) continue;
            int longSide = longSideFor(shortSide, longPerShort);
            sizes.add(portrait ? new Size(shortSide, longSide) : new Size(longSide, shortSide));
        }
        if (sizes.isEmpty()) {
            // Smaller than the lowest rung: one rung at the source's own (even) size.
            sizes.add(new Size(Ff.even(displayWidth), Ff.even(displayHeight)));
        }
        return sizes;
    }

    private static int longSideFor(int shortSide, double longPerShort) {
        return Math.max(2, 2 * (int) Math.round(shortSide * longPerShort / 2));
    }
}
