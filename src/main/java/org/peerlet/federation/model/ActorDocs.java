package org.peerlet.federation.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.peerlet.media.Face;

import java.util.List;

/**
 * Our actors and collections as JSON-LD, shaped like PeerTube's: {@code Person}, {@code Group},
 * {@code Application}, each with inbox, outbox, followers, following, a {@code publicKey} and the
 * shared inbox under {@code endpoints}.
 *
 * The avatar is the {@code icon} and a channel's banner the {@code image}, each a list of
 * {@code Image}s, largest first, as PeerTube sends them (Mastodon takes the first).
 *
 * <p>Deliberate differences: no {@code playlists} collection, no {@code support}, and PeerTube's
 * extra JSON-LD context terms are left out except what the security vocabulary needs.
 */
public final class ActorDocs {
    private ActorDocs() {
    }

    public static ArrayNode context(ObjectNode o) {
        ArrayNode c = o.putArray("@context");
        c.add(As.CONTEXT);
        c.add(As.SECURITY);
        c.addObject().put("RsaSignature2017", "https://w3id.org/security#RsaSignature2017");
        return c;
    }

    /** Our actor's faces: avatar and (channels only) banner, null for none, and our base URL. */
    public record Faces(Face avatar, Face banner, String base) {
    }

    public static ObjectNode actor(LocalActor a, String publicKeyPem, String sharedInbox, String published,
                                   String ownerUrl, Faces faces) {
        ObjectNode o = As.object();
        context(o);
        o.put("type", a.type());
        o.put("id", a.url());
        o.put("following", a.following());
        o.put("followers", a.followers());
        o.put("inbox", a.inbox());
        o.put("outbox", a.outbox());
        o.put("preferredUsername", a.name());
        o.put("url", a.url());
        o.put("name", a.displayName());
        o.putObject("endpoints").put("sharedInbox", sharedInbox);
        o.putObject("publicKey").put("id", a.keyId()).put("owner", a.url()).put("publicKeyPem", publicKeyPem);
        o.put("published", published);
        images(o.putArray("icon"), faces.avatar(), faces.base());
        if (faces.banner() != null) images(o.putArray("image"), faces.banner(), faces.base());
        o.put("summary", a.description());
        if (ownerUrl != null) {
            o.putArray("attributedTo").addObject().put("type", "Person").put("id", ownerUrl);
        }
        return o;
    }

    private static void images(ArrayNode list, Face f, String base) {
        if (f == null) return;
        for (Face.Size s : f.kind().sizes) {
            list.addObject().put("type", "Image").put("mediaType", "image/jpeg").put("height", s.height())
                    .put("width", s.width()).put("url", base + f.kind().path() + f.file(s));
        }
    }

    /** A paged {@code OrderedCollection}: the collection itself, or one {@code page} of it. */
    public static ObjectNode collection(String id, int total, Integer page, List<String> items, boolean hasNext) {
        ObjectNode o = As.object();
        o.put("@context", As.CONTEXT);
        if (page == null) {
            o.put("id", id);
            o.put("type", "OrderedCollection");
            o.put("totalItems", total);
            o.put("first", id + "?page=1");
            return o;
        }
        o.put("id", id + "?page=" + page);
        o.put("type", "OrderedCollectionPage");
        o.put("totalItems", total);
        o.put("partOf", id);
        if (hasNext) o.put("next", id + "?page=" + (page + 1));
        if (page > 1) o.put("prev", id + "?page=" + (page - 1));
        ArrayNode arr = o.putArray("orderedItems");
        items.forEach(arr::add);
        return o;
    }
}
