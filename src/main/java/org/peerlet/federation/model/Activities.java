package org.peerlet.federation.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Builds the activities we send. Ids are URLs under the actor, unique by a token. */
public final class Activities {
    private Activities() {
    }

    public static ObjectNode activity(String type, String id, String actor, JsonNode object, List<String> to,
                                      List<String> cc) {
        ObjectNode o = As.object();
        ArrayNode ctx = o.putArray("@context");
        ctx.add(As.CONTEXT);
        ctx.add(As.SECURITY);
        o.put("type", type);
        o.put("id", id);
        o.put("actor", actor);
        o.set("object", object);
        ArrayNode t = o.putArray("to");
        to.forEach(t::add);
        ArrayNode c = o.putArray("cc");
        cc.forEach(c::add);
        return o;
    }

    public static ObjectNode follow(String id, String actor, String target) {
        return activity("Follow", id, actor, As.object().textNode(target), List.of(target), List.of());
    }

    /** Accept or Reject of a follow, carrying the Follow itself. */
    public static ObjectNode answer(String type, String id, String actor, JsonNode follow) {
        String follower = As.id(follow.get("actor"));
        return activity(type, id, actor, follow, follower == null ? List.of() : List.of(follower), List.of());
    }

    public static ObjectNode undo(String id, String actor, JsonNode inner, List<String> to) {
        return activity("Undo", id, actor, inner, to, List.of());
    }

    public static ObjectNode tombstone(String id) {
        ObjectNode o = As.object();
        o.put("type", "Tombstone");
        o.put("id", id);
        return o;
    }
}
