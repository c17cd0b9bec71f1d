package org.peerlet.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.federation.Blocklist;
import org.peerlet.federation.RemoteActors;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.RemoteActor;
import org.peerlet.federation.signature.SignatureException;
import org.peerlet.federation.signature.SignatureHeader;
import org.peerlet.federation.signature.SignatureVerifier;
import org.peerlet.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * What happens to a POST to an inbox, top to bottom: parse; refuse blocked servers before
 * fetching anything; check the signature's cheap parts (headers, date, digest); resolve the key
 * and verify; the signer must be the activity's actor and the activity must come from the actor's
 * host, except a Note forwarded by another server, which is fetched again from its origin and
 * kept only as the origin serves it; an account the instance muted is refused; then one dispatch
 * through the table. Unknown activities are accepted and ignored.
 */
public final class InboxService {
    private static final Logger LOG = LoggerFactory.getLogger("federation.inbox");
    public static final int MAX_BODY = 256 * 1024;

    /** The answer to give: a status and, for refusals, why. */
    public record Outcome(int status, String detail) {
    }

    private final SignatureVerifier verifier;
    private final RemoteActors remote;
    private final Blocklist blocklist;
    private final Dispatch dispatch;
    private final java.util.function.Predicate<RemoteActor> muted;

    public InboxService(SignatureVerifier verifier, RemoteActors remote, Blocklist blocklist,
                        java.util.function.Predicate<RemoteActor> muted, Dispatch dispatch) {
        this.verifier = verifier;
        this.muted = muted;
        this.remote = remote;
        this.blocklist = blocklist;
        this.dispatch = dispatch;
    }

    public Outcome receive(SignatureVerifier.Request req) {
        if (req.body() == null || req.body().length > MAX_BODY) return new Outcome(413, "the activity is too large");
        JsonNode activity;
        try {
            activity = Json.MAPPER.readTree(req.body());
        } catch (IOException e) {
            return new Outcome(400, "the body is not JSON");
        }
        if (activity == null || !activity.isObject()) return new Outcome(400, "the body is not an activity");
        String actorUrl = As.id(activity.get("actor"));
        String type = As.type(activity);
        String actorHost = As.host(actorUrl);
        if (actorHost == null || type == null) return new Outcome(400, "an activity needs a type and an actor");
        if (blocklist.isBlocked(actorHost)) return new Outcome(403, "this instance is blocked");
        boolean forwarded;
        try {
            SignatureHeader sh = verifier.precheck(req);
            String keyHost = As.host(sh.keyId());
            if (keyHost == null || blocklist.isBlocked(keyHost)) return new Outcome(403, "this instance is blocked");
            forwarded = !keyHost.equals(actorHost);
            if (forwarded && !forwardable(activity, type, actorHost)) return new Outcome(403, "the signer is not on the actor's host");
            SignatureVerifier.ActorKey key = verifier.verify(req, remote::key);
            if (!forwarded && !key.owner().equals(actorUrl)) return new Outcome(403, "the signer is not the activity's actor");
        } catch (SignatureException e) {
            return new Outcome(e.status(), e.getMessage());
        }
        String id = As.text(activity, "id");
        if (id != null && !actorHost.equals(As.host(id))) return new Outcome(403, "the activity comes from another host");
        if (forwarded) {
            activity = refetched(activity, actorUrl);
            if (activity == null) return new Outcome(403, "a forwarded Note must be its author's, as its origin serves it");
        }
        RemoteActor actor = forwarded ? resolved(actorUrl) : remote.known(actorUrl).orElse(null);
        if (actor == null) return new Outcome(401, "unknown actor");
        if (muted.test(actor)) return new Outcome(403, "this account is blocked");
        String objectType = As.type(activity.get("object"));
        Handler h = dispatch.find(type, objectType).orElse(null);
        if (h == null) return new Outcome(202, null);
        try {
            h.handle(new Incoming(activity, actor));
        } catch (Refused e) {
            return new Outcome(403, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // Their data or their server misbehaved: log, accept, and do not make them retry forever.
            LOG.info("{} from {} not handled: {}", type, actorHost, e.toString());
        }
        return new Outcome(202, null);
    }

    /**
     * What a server may pass on for someone of another server: a comment (a Create or Update of
     * a Note of the actor's host), as PeerTube forwards replies to its videos to its followers.
     */
    private static boolean forwardable(JsonNode activity, String type, String actorHost) {
        JsonNode object = activity.get("object");
        return ("Create".equals(type) || "Update".equals(type)) && "Note".equals(As.type(object))
                && actorHost.equals(As.host(As.id(object)));
    }

    /**
     * A forwarded activity is not trusted as sent: its Note is fetched again from its origin (the
     * guarded client), and kept only if the origin says the actor wrote it. Null otherwise.
     */
    private JsonNode refetched(JsonNode activity, String actorUrl) {
        String noteId = As.id(activity.get("object"));
        try {
            JsonNode note = remote.fetchJson(noteId);
            if (!"Note".equals(As.type(note)) || !noteId.equals(As.text(note, "id"))
                    || !actorUrl.equals(As.id(note.get("attributedTo")))) {
                return null;
            }
            com.fasterxml.jackson.databind.node.ObjectNode copy = activity.deepCopy();
            copy.set("object", note);
            return copy;
        } catch (IOException e) {
            LOG.info("forwarded Note {} not fetched: {}", noteId, e.getMessage());
            return null;
        }
    }

    /** The author of a forwarded Note, fetched if new here; null when it cannot be. */
    private RemoteActor resolved(String actorUrl) {
        try {
            return remote.resolve(actorUrl);
        } catch (IOException e) {
            return null;
        }
    }
}
