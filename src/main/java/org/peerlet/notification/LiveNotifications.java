package org.peerlet.notification;

import io.javalin.http.sse.SseClient;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open pages of signed-in people, each told its unread count as it changes (PeerTube pushes
 * the same over socket.io). Only the count travels: the page fetches the list itself, through the
 * API's own checks. Streams are few on a family instance; a cap keeps a runaway client from
 * holding many. A comment every 25 s keeps proxies and Jetty's idle timeout from closing a quiet one.
 */
final class LiveNotifications implements AutoCloseable {
    static final int PER_USER = 8;
    static final int IN_ALL = 1_000;

    private final Map<Long, Set<SseClient>> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notification-heartbeat");
        t.setDaemon(true);
        return t;
    });

    LiveNotifications() {
        heartbeat.scheduleAtFixedRate(this::beat, 25, 25, TimeUnit.SECONDS);
    }

    /** A page opens a stream: told the count now, then at each change. False when over a cap. */
    boolean join(long userId, SseClient client, int unread) {
        Set<SseClient> mine = open.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= PER_USER || count.get() >= IN_ALL) return false;
        mine.add(client);
        count.incrementAndGet();
        client.onClose(() -> {
            if (mine.remove(client)) count.decrementAndGet();
        });
        send(client, unread);
        return true;
    }

    void push(long userId, int unread) {
        for (SseClient c : open.getOrDefault(userId, Set.of())) send(c, unread);
    }

    /** The person's sessions ended: their open pages stop hearing anything. */
    void end(long userId) {
        Set<SseClient> mine = open.remove(userId);
        if (mine != null) mine.forEach(SseClient::close);
    }

    int streams() {
        return count.get();
    }

    private static void send(SseClient c, int unread) {
        if (!c.terminated()) c.sendEvent("unread", "{\"unread\":" + unread + "}");
    }

    private void beat() {
        open.values().forEach(s -> s.forEach(c -> {
            if (!c.terminated()) c.sendComment("");
        }));
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        open.values().forEach(s -> s.forEach(SseClient::close));
        open.clear();
    }
}
