package org.peerlet.social;

import org.peerlet.account.AccountJson;
import org.peerlet.common.Times;
import org.peerlet.instance.Urls;
import org.peerlet.video.Video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments as PeerTube's API shows them, plus {@code textHtml} (the text made safe to show) and
 * {@code contentWarning} (a remote comment's warning, to show before its text). A tombstone
 * keeps its place, ids and dates, and loses its text and author, as PeerTube's do.
 */
public final class SocialJson {
    private SocialJson() {
    }

    public static Map<String, Object> comment(Comment c, int replies, Urls urls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("url", c.url());
        m.put("text", c.isDeleted() ? "" : c.text());
        m.put("textHtml", c.html());
        m.put("contentWarning", c.summary());
        m.put("threadId", c.thread());
        m.put("inReplyToCommentId", c.inReplyTo());
        m.put("videoId", c.videoId());
        m.put("createdAt", Times.iso(c.createdAt()));
        m.put("updatedAt", Times.iso(c.updatedAt()));
        m.put("deletedAt", c.deletedAt() == null ? null : Times.iso(c.deletedAt()));
        m.put("isDeleted", c.isDeleted());
        m.put("heldForReview", c.heldForReview());
        m.put("totalRepliesFromVideoAuthor", 0);
        m.put("totalReplies", replies);
        m.put("account", c.isDeleted() ? null : AccountJson.account(c.account(), urls));
        return m;
    }

    public static Map<String, Object> tree(SocialService.Tree t, Urls urls) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (SocialService.Tree child : t.children()) children.add(tree(child, urls));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("comment", comment(t.comment(), t.children().size(), urls));
        m.put("children", children);
        return m;
    }

    /** A comment as its video's owner reviews it: with the video it is on. */
    public static Map<String, Object> forOwner(SocialService.Held h, Urls urls) {
        Map<String, Object> m = comment(h.comment(), 0, urls);
        m.put("video", videoInfo(h.video()));
        return m;
    }

    /** A video as a comment or a notification names it (PeerTube's VideoInfo). */
    public static Map<String, Object> videoInfo(Video v) {
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("id", v.id());
        video.put("uuid", v.uuid());
        video.put("shortUUID", v.shortUuid());
        video.put("name", v.name());
        return video;
    }
}
