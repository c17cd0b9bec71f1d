package org.peerlet.social;

import org.peerlet.account.AccountJson;
import org.peerlet.common.Times;
import org.peerlet.instance.Urls;

import java.util.LinkedHashMap;
import java.util.Map;

/** Comments as PeerTube's API shows them. */
public final class SocialJson {
    private SocialJson() {
    }

    public static Map<String, Object> comment(Comment c, int replies, Urls urls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("url", c.url());
        m.put("text", c.text());
        m.put("threadId", c.inReplyTo() == null ? c.id() : c.inReplyTo());
        m.put("inReplyToCommentId", c.inReplyTo());
        m.put("videoId", c.videoId());
        m.put("createdAt", Times.iso(c.createdAt()));
        m.put("updatedAt", Times.iso(c.updatedAt()));
        m.put("deletedAt", null);
        m.put("isDeleted", false);
        m.put("totalRepliesFromVideoAuthor", 0);
        m.put("totalReplies", replies);
        m.put("heldForReview", false);
        m.put("account", AccountJson.account(c.account(), urls));
        return m;
    }
}
