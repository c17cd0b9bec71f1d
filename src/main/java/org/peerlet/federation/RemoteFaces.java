package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.channel.Faces;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.media.Face;
import org.peerlet.media.Images;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * A remote actor's {@code icon} (avatar) and, for a channel, {@code image} (banner): fetched
 * through the guarded client (no internal addresses, a byte cap), checked and cut as an upload
 * is, and kept on disk, so our pages show them from here and never send viewers elsewhere. An
 * image already held (same URL) is not fetched again; one the actor dropped goes.
 */
final class RemoteFaces {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteFaces.class);

    private final OutgoingHttp http;
    private final Faces faces;

    RemoteFaces(OutgoingHttp http, Faces faces) {
        this.http = http;
        this.faces = faces;
    }

    void update(RemoteActor actor, JsonNode doc) {
        if (actor.accountId() != null) {
            String url = imageUrl(doc.get("icon"));
            if (!faces.holds(actor.accountId(), null, Face.Kind.AVATAR, url)) {
                faces.remoteAvatar(actor.accountId(), url, fetch(url, actor));
            }
        } else if (actor.channelId() != null) {
            for (Face.Kind kind : Face.Kind.values()) {
                String url = imageUrl(doc.get(kind == Face.Kind.AVATAR ? "icon" : "image"));
                if (!faces.holds(null, actor.channelId(), kind, url)) {
                    faces.remoteChannelFace(actor.channelId(), kind, url, fetch(url, actor));
                }
            }
        }
    }

    /** The bytes, or null for no image; an image that cannot be had now leaves what we hold. */
    private byte[] fetch(String url, RemoteActor actor) {
        if (url == null) return null;
        try {
            OutgoingHttp.Response r = http.getImage(url, (int) Images.MAX_BYTES);
            if (r.status() == 200) return r.body();
            LOG.info("the image of {} at {} answered {}", actor.url(), url, r.status());
        } catch (IOException | RuntimeException e) {
            LOG.info("the image of {} at {} was not fetched: {}", actor.url(), url, e.getMessage());
        }
        return new byte[0]; // not an image: held faces stay, nothing is stored
    }

    /**
     * The URL of an {@code Image} (or the best of a list: the widest up to 1500 px, as PeerTube
     * lists its sizes); its {@code url} may be a string or a {@code Link}.
     */
    static String imageUrl(JsonNode icon) {
        if (icon == null || icon.isNull()) return null;
        if (icon.isTextual()) return http(icon.asText());
        JsonNode best = null;
        for (JsonNode i : icon.isArray() ? icon : java.util.List.of(icon)) {
            if (!i.isObject()) continue;
            int w = i.path("width").asInt(0);
            if (best == null || (w <= 1500 && w > best.path("width").asInt(0))) best = i;
        }
        if (best == null) return null;
        JsonNode url = best.get("url");
        if (url != null && url.isArray() && !url.isEmpty()) url = url.get(0);
        if (url != null && url.isObject()) return http(As.text(url, "href"));
        return url != null && url.isTextual() ? http(url.asText()) : null;
    }

    private static String http(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
