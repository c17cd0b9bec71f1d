package org.peerlet.sharing;

import org.peerlet.instance.Urls;
import org.peerlet.video.Video;
import org.peerlet.video.VideoAccess;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the sharing features (link previews, embeds, oEmbed, feeds) may show, and the addresses
 * they give out. They all serve people who are not logged in, so they ask {@link VideoAccess}
 * about an anonymous visitor here, in one place.
 */
final class Shared {
    /** Embed frames are this size unless asked smaller, as PeerTube's are. */
    static final int EMBED_WIDTH = 560;
    static final int EMBED_HEIGHT = 315;
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private Shared() {
    }

    /** May someone with no account see this video, knowing its link (public and unlisted)? */
    static boolean anyoneMaySee(Video v) {
        return VideoAccess.openToAnyone(v);
    }

    /** Is it listed for everyone (public), so feeds may show it? */
    static boolean listedForAnyone(Video v) {
        return anyoneMaySee(v) && VideoAccess.listable(Optional.empty()).contains(v.privacy());
    }

    static String embedUrl(Urls urls, Video v) {
        return urls.base() + "/videos/embed/" + v.uuid();
    }

    /** The largest image of the video (preview, else thumbnail), or null. */
    static String imageUrl(Urls urls, Video v) {
        if (v.hasPreview()) return urls.base() + "/lazy-static/previews/" + v.uuid() + ".jpg";
        if (v.hasThumbnail()) return urls.base() + "/lazy-static/thumbnails/" + v.uuid() + ".jpg";
        return null;
    }

    static String thumbnailUrl(Urls urls, Video v) {
        if (v.hasThumbnail()) return urls.base() + "/lazy-static/thumbnails/" + v.uuid() + ".jpg";
        return imageUrl(urls, v);
    }

    static String channelName(Video v) {
        String d = v.channel().displayName();
        return d == null || d.isBlank() ? v.channel().name() : d;
    }

    static String accountName(Video v) {
        String d = v.account().displayName();
        return d == null || d.isBlank() ? v.account().name() : d;
    }

    /** Text for an HTML attribute or element: every character that means something is escaped. */
    static String html(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Drops characters XML 1.0 cannot hold at all (control characters), which a title might have. */
    static String xmlText(String s) {
        return s == null ? "" : NOT_XML.matcher(s).replaceAll("");
    }

    /** A one-line summary of a description: whitespace folded, cut at a word near {@code max}. */
    static String summary(String description, int max) {
        if (description == null) return "";
        String s = description.replaceAll("\\s+", " ").strip();
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
