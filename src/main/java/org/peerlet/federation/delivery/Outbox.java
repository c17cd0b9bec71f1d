package org.peerlet.federation.delivery;

import org.peerlet.db.Database;
import org.peerlet.federation.model.As;
import org.peerlet.federation.model.LocalActor;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * Queues an activity for each target inbox in one transaction, then wakes the worker. Never
 * sends anything itself, so a request that causes deliveries never waits on other servers.
 */
public final class Outbox {
    private final Database db;
    private final DeliveryRepository repo = new DeliveryRepository();
    private final Clock clock;
    private Runnable wake = () -> { };

    public Outbox(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void onEnqueue(Runnable wake) {
        this.wake = wake;
    }

    /** Queues {@code body} signed by {@code signer} to every distinct inbox. */
    public void enqueue(LocalActor signer, String body, Collection<String> inboxes) {
        LinkedHashSet<String> targets = new LinkedHashSet<>(inboxes);
        targets.removeIf(t -> As.host(t) == null);
        if (targets.isEmpty()) return;
        long now = clock.millis();
        db.writeVoid(tx -> {
            for (String inbox : targets) repo.insert(tx, inbox, As.host(inbox), signer.kind().key, signer.refId(), body, now);
        });
        wake.run();
    }
}
