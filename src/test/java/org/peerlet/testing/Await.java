package org.peerlet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls, briefly, until something observable holds (a file on disk, an answer on the wire). */
public final class Await {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, TIMEOUT, condition);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Quick at first, then at most every 40 ms: many conditions are HTTP calls, and two cores are shared.
        long pause = 2;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(pause);
                pause = Math.min(40, pause * 2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A file's size, -1 while it does not exist. */
    public static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
