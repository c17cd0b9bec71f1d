package org.peerlet.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls, briefly, until something observable holds (a file on disk, an answer on the wire). */
public final class Await {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A file's size, -1 while it does not exist. */
    public static long sizeOf(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.size(p);
        } catch (java.nio.file.NoSuchFileException e) {
            return -1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
