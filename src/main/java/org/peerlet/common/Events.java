package org.peerlet.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Facts one feature states and others act on (a video published, a comment posted, ...): each a
 * record owned by the feature that publishes it. Subscribers are wired once, in {@code App}.
 * Delivery waits for the publisher's transaction to commit, then runs the subscribers in the
 * order they subscribed, on the publishing thread; one failing subscriber does not stop the rest.
 */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger("events");

    private final Map<Class<?>, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();
    private final Consumer<Runnable> afterCommit;

    /** {@code afterCommit} defers a delivery until the current transaction commits (e.g. {@code Database::afterCommit}). */
    public Events(Consumer<Runnable> afterCommit) {
        this.afterCommit = afterCommit;
    }

    public <E extends Record> void subscribe(Class<E> type, Consumer<? super E> subscriber) {
        subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(e -> subscriber.accept(type.cast(e)));
    }

    /** States a fact: delivered once the current transaction commits, at once outside one. */
    public void publish(Record event) {
        afterCommit.accept(() -> deliver(event));
    }

    private void deliver(Record event) {
        for (Consumer<Object> s : subscribers.getOrDefault(event.getClass(), List.of())) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a subscriber to {} failed: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
