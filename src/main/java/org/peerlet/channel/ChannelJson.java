package org.peerlet.channel;

import org.peerlet.account.Account;
import org.peerlet.account.AccountJson;
import org.peerlet.common.Times;
import org.peerlet.instance.Urls;
import org.peerlet.media.Face;

import java.util.LinkedHashMap;
import java.util.Map;

/** Channels as PeerTube's API shows them. */
public final class ChannelJson {
    private ChannelJson() {
    }

    public static Map<String, Object> channel(Channel c, Account owner, Urls urls) {
        Map<String, Object> m = summary(c, urls);
        m.put("description", c.description());
        m.put("support", c.support());
        m.put("isLocal", c.isLocal());
        m.put("banners", Face.json(c.banner(), urls.base()));
        m.put("followersCount", 0);
        m.put("followingCount", 0);
        m.put("createdAt", Times.iso(c.createdAt()));
        m.put("updatedAt", Times.iso(c.updatedAt()));
        m.put("ownerAccount", AccountJson.account(owner, urls));
        return m;
    }

    /** The short form embedded in videos. */
    public static Map<String, Object> summary(Channel c, Urls urls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("displayName", c.displayName());
        m.put("url", c.isLocal() ? urls.channel(c.name()) : "https://" + c.host() + "/video-channels/" + c.name());
        m.put("host", c.isLocal() ? urls.host() : c.host());
        m.put("avatars", Face.json(c.avatar(), urls.base()));
        return m;
    }
}
