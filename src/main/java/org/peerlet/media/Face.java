package org.peerlet.media;

import org.peerlet.common.Times;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An avatar or a banner: the random stem of its files, one per size ({@code <stem>-<width>.jpg}
 * in {@code avatars/} or {@code banners/}), and when it was set.
 */
public record Face(Kind kind, String stem, long at) {

    public record Size(int width, int height) {
    }

    /** PeerTube's kinds of actor image, with its sizes, largest first, and where they are served. */
    public enum Kind {
        AVATAR("avatars", List.of(new Size(1500, 1500), new Size(600, 600), new Size(120, 120), new Size(48, 48))),
        BANNER("banners", List.of(new Size(1920, 317), new Size(600, 100)));

        public final String dir;
        public final List<Size> sizes;

        Kind(String dir, List<Size> sizes) {
            this.dir = dir;
            this.sizes = sizes;
        }

        /** Where its files are served, as PeerTube serves them. */
        public String path() {
            return "/lazy-static/" + dir + "/";
        }
    }

    /** A face read from a row: none when the stem is null. */
    public static Face of(Kind kind, String stem, Long at) {
        return stem == null ? null : new Face(kind, stem, at == null ? 0 : at);
    }

    public String file(Size s) {
        return stem + "-" + s.width() + ".jpg";
    }

    /** PeerTube's ActorImage list, largest first; empty for none. */
    public static List<Map<String, Object>> json(Face f, String base) {
        if (f == null) return List.of();
        return f.kind.sizes.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("height", s.height());
            m.put("width", s.width());
            m.put("path", f.kind.path() + f.file(s));
            m.put("fileUrl", base + f.kind.path() + f.file(s));
            m.put("createdAt", Times.iso(f.at));
            m.put("updatedAt", Times.iso(f.at));
            return m;
        }).toList();
    }
}
