package org.peerlet.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until a condition holds, failing the test with a message after a timeout. */
public final class Await {
    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
