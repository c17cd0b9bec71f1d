package org.peerlet.transcode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Which rungs to make for a source: never upscale, even sizes, the source's aspect. */
final class LadderPlan {

    record Size(int width, int height) {
    }

    private LadderPlan() {
    }

    /**
     * @param displayWidth  upright picture width (rotation and pixel aspect applied)
     * @param displayHeight upright picture height
     */
    static List<Size> plan(double displayWidth, double displayHeight, List<Integer> wantedHeights) {
        double aspect = displayWidth / displayHeight;
        int maxHeight = Ff.even(displayHeight);
        List<Size> sizes = new ArrayList<>();
        for (int h : new TreeSet<>(wantedHeights)) {
            int height = Ff.even(h);
            if (height <= maxHeight) sizes.add(new Size(widthFor(height, aspect), height));
        }
        if (sizes.isEmpty()) {
            // Smaller than the lowest rung: one rung at the source's own (even) size.
            sizes.add(new Size(Ff.even(displayWidth), maxHeight));
        }
        return sizes;
    }

    static int widthFor(int height, double aspect) {
        return Math.max(2, 2 * (int) Math.round(height * aspect / 2));
    }
}
