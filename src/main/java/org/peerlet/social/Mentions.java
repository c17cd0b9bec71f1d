package org.peerlet.social;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.peerlet.common.Handle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a comment mentions, as PeerTube and Mastodon write it: {@code @name} or {@code @name@host}.
 * In a comment written here a bare {@code @name} is someone of this instance; in one from
 * elsewhere a bare name is someone of the author's instance, so only links to our people (which
 * Mastodon's mentions are) and names with our host count. At most {@value #MAX} per comment.
 */
public final class Mentions {
    static final int MAX = 10;
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\w@/.])@([A-Za-z0-9_.]{1,50})(?:@([A-Za-z0-9.-]+\\.[A-Za-z0-9-]+|localhost)(?::(\\d{1,5}))?)?");

    private Mentions() {
    }

    /** The handles a comment names (host empty for ours), in the order written. */
    public static List<Handle> of(Comment c, String base, String ourHost) {
        Set<Handle> out = new LinkedHashSet<>();
        boolean local = c.account() != null && c.account().isLocal();
        String plain = Comment.HTML.equals(c.format()) ? CommentText.plain(c.text()) : c.text();
        Matcher m = MENTION.matcher(plain == null ? "" : plain);
        while (m.find() && out.size() < MAX) {
            String name = trimDots(m.group(1));
            String host = m.group(2) == null ? null : m.group(2) + (m.group(3) == null ? "" : ":" + m.group(3));
            if (host == null && !local) continue;
            out.add(Handle.parse(host == null ? name : name + "@" + host.toLowerCase(java.util.Locale.ROOT), ourHost));
        }
        if (!local) {
            String prefix = base + "/accounts/";
            for (Element a : Jsoup.parse(c.html() == null ? "" : c.html()).select("a[href]")) {
                String href = a.attr("href");
                if (href.startsWith(prefix) && out.size() < MAX) out.add(new Handle(href.substring(prefix.length()), ""));
            }
        }
        return List.copyOf(out);
    }

    /** A sentence's full stop is not part of the name ("thanks @lea."). */
    private static String trimDots(String name) {
        String n = name;
        while (n.endsWith(".")) n = n.substring(0, n.length() - 1);
        return n;
    }
}
