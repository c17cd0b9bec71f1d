package org.peerlet.social;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.peerlet.common.Markdown;

/**
 * What a comment may contain once shown: PeerTube's subset of HTML (paragraphs, line breaks,
 * emphasis, lists, links, and the spans Mastodon puts around mentions and hashtags). Links keep
 * only http and https addresses and open with rel="nofollow noopener noreferrer". Our own
 * comments are Markdown rendered then cleaned the same way; remote HTML is cleaned on the way in.
 */
public final class CommentText {
    private static final Safelist ALLOWED = new Safelist()
            .addTags("a", "p", "br", "span", "strong", "em", "b", "i", "ul", "ol", "li")
            .addAttributes("a", "href", "class")
            .addAttributes("span", "class")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private CommentText() {
    }

    /** Any HTML cut down to the allowed subset. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) return "";
        return Jsoup.clean(html, "", ALLOWED, COMPACT).strip();
    }

    /** A comment's text as safe HTML, whatever it was written in. */
    public static String html(String text, String format) {
        return clean(Comment.HTML.equals(format) ? text : Markdown.toHtml(text));
    }

    /** The words of some HTML, for telling whether it says anything at all. */
    public static String plain(String html) {
        return Jsoup.parse(html == null ? "" : html).text().strip();
    }
}
