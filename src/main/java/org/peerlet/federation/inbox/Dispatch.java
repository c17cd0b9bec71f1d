package org.peerlet.federation.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from (activity type, object type) to handler. The object type is the embedded
 * object's {@code type}, or {@code *} when the object is a bare id; an exact pair wins over
 * {@code (type, *)}. Anything not in the table is accepted and ignored.
 */
public final class Dispatch {
    private final Map<String, Handler> table = new LinkedHashMap<>();

    public Dispatch on(String activityType, String objectType, Handler h) {
        table.put(activityType + "/" + objectType, h);
        return this;
    }

    public Optional<Handler> find(String activityType, String objectType) {
        Handler h = table.get(activityType + "/" + (objectType == null ? "*" : objectType));
        if (h == null) h = table.get(activityType + "/*");
        return Optional.ofNullable(h);
    }

    public java.util.Set<String> keys() {
        return table.keySet();
    }
}
