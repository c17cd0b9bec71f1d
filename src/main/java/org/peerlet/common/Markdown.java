package org.peerlet.common;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Markdown written by people (video descriptions) turned into HTML that is safe to show: raw HTML
 * in the text is escaped, links keep only http, https and mailto addresses and get
 * {@code rel="noopener nofollow ugc"}, and images become plain links so a description cannot make
 * visitors' browsers load pictures from elsewhere. Line breaks are kept, as people expect.
 */
public final class Markdown {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern INVISIBLE = Pattern.compile("[\\x00-\\x20\\x7f\\u00a0\\u200b-\\u200f\\u2028\\u2029\\ufeff]");
    private static final List<String> SCHEMES = List.of("http", "https", "mailto");
    private static final int MAX_INPUT = 20_000;

    private static final Parser PARSER = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .softbreak("<br>\n")
            .attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                if (node instanceof Link) {
                    attrs.put("rel", "noopener nofollow ugc");
                    attrs.put("target", "_blank");
                }
            })
            .build();

    private Markdown() {
    }

    /** The HTML for a Markdown text; an empty string for null or blank text. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        String text = markdown.length() > MAX_INPUT ? markdown.substring(0, MAX_INPUT) : markdown;
        Node doc = PARSER.parse(text);
        imagesAsLinks(doc);
        unwrapUnsafeLinks(doc);
        return RENDERER.render(doc);
    }

    /** Whether a link address is one a description may point to. */
    public static boolean isSafeUrl(String url) {
        String clean = INVISIBLE.matcher(url == null ? "" : url).replaceAll("");
        var m = SCHEME.matcher(clean);
        if (!m.find()) {
            // A relative address; one with a colon before any / ? # could be read as a scheme somewhere.
            int end = clean.length();
            for (char c : new char[]{'/', '?', '#'}) {
                int i = clean.indexOf(c);
                if (i >= 0 && i < end) end = i;
            }
            return !clean.startsWith("//") && !clean.startsWith("\\") && clean.substring(0, end).indexOf(':') < 0;
        }
        return SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    private static void imagesAsLinks(Node doc) {
        List<Image> images = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        for (Image img : images) {
            Link link = new Link(img.getDestination(), img.getTitle());
            Node child = img.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.appendChild(child);
                child = next;
            }
            if (link.getFirstChild() == null) link.appendChild(new Text(img.getDestination()));
            img.insertBefore(link);
            img.unlink();
        }
    }

    /** A link to a refused address (javascript:, data:, ...) keeps its text and loses the link. */
    private static void unwrapUnsafeLinks(Node doc) {
        List<Link> unsafe = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (!isSafeUrl(link.getDestination())) unsafe.add(link);
                visitChildren(link);
            }
        });
        for (Link link : unsafe) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
    }

    private static final class SafeUrls implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return isSafeUrl(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return isSafeUrl(url) ? url : "";
        }
    }
}
