package org.peerlet.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.peerlet.federation.model.As;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * When a follow of ours is accepted, the followed actor's outbox is read (as PeerTube does), so
 * its public videos published before the follow show here too. Bounded: {@value #MAX_PAGES} pages
 * and {@value #MAX_VIDEOS} videos; every page comes from the actor's own host and every video is
 * fetched again from its own origin (an embedded copy is never trusted), all through the guarded
 * client. It runs on one background thread, so the Accept that starts it is answered at once.
 */
final class OutboxBackfill {
    private static final Logger LOG = LoggerFactory.getLogger("federation");
    static final int MAX_PAGES = 10;
    static final int MAX_VIDEOS = 100;

    private final RemoteActors remote;
    private final RemoteVideos videos;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "peerlet-outbox-backfill");
        t.setDaemon(true);
        return t;
    });

    OutboxBackfill(RemoteActors remote, RemoteVideos videos) {
        this.remote = remote;
        this.videos = videos;
    }

    void start(String actorUrl) {
        worker.submit(() -> {
            try {
                run(actorUrl);
            } catch (IOException | RuntimeException e) {
                LOG.info("the outbox of {} was not read: {}", actorUrl, e.getMessage());
            }
        });
    }

    private void run(String actorUrl) throws IOException {
        String outbox = As.text(remote.fetchJson(actorUrl), "outbox");
        if (outbox == null || !As.sameHost(outbox, actorUrl)) return;
        JsonNode page = remote.fetchJson(outbox);
        JsonNode first = page.get("first");
        if (first != null) page = first.isTextual() ? remote.fetchJson(first.asText()) : first;
        Set<String> wanted = new LinkedHashSet<>();
        for (int n = 0; n < MAX_PAGES && page != null && wanted.size() < MAX_VIDEOS; n++) {
            JsonNode items = page.has("orderedItems") ? page.get("orderedItems") : page.path("items");
            for (JsonNode item : items) {
                String type = As.type(item);
                String id = "Create".equals(type) || "Announce".equals(type) ? As.id(item.get("object")) : null;
                if (id != null && wanted.size() < MAX_VIDEOS) wanted.add(id);
            }
            String next = As.id(page.get("next"));
            page = next != null && As.sameHost(next, outbox) ? remote.fetchJson(next) : null;
        }
        for (String id : wanted) fetchVideo(id);
    }

    /** A public video by its id, fetched from its origin; anything else is passed over. */
    private void fetchVideo(String id) {
        if (videos.byUrl(id).isPresent()) return;
        try {
            videos.fetchPublic(id);
        } catch (IOException | RuntimeException e) {
            LOG.info("a video of an outbox was not fetched ({}): {}", id, e.getMessage());
        }
    }
}
