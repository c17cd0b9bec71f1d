package org.peerlet.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.RemoteActor;

/** A verified activity: the JSON, the actor who signed it (and owns it), and its object. */
public record Incoming(JsonNode activity, RemoteActor actor) {

    public JsonNode object() {
        return activity.get("object");
    }

    public String objectId() {
        return As.id(object());
    }

    public String type() {
        return As.type(activity);
    }
}
