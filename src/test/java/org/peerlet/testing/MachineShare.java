package org.peerlet.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Failsafe runs test classes in two JVMs at once. A class that measures real-time playback marked
 * {@link Alone} must not share the two cores: while a class runs it holds a lock on one file in
 * {@code target/}, shared for most, exclusive for those, so such a class starts once the other
 * JVM's current class is done and that JVM's next class waits for it. Registered for every class
 * through JUnit's extension auto-detection (src/test/resources).
 */
public final class MachineShare implements BeforeAllCallback, AfterAllCallback {
    private static final Path LOCK = Path.of("target", "tests-share-the-machine.lock");

    /** The class runs with no other test class running in another JVM. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Alone {
    }

    // Auto-detected, so one instance per JVM, which runs its classes one after another; nested
    // classes keep their outer class's lock.
    private int depth;
    private FileChannel channel;
    private FileLock lock;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        synchronized (this) {
            if (depth++ > 0) return;
            boolean alone = context.getRequiredTestClass().isAnnotationPresent(Alone.class);
            channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            lock = channel.lock(0, Long.MAX_VALUE, !alone);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        synchronized (this) {
            if (--depth > 0) return;
            lock.release();
            channel.close();
        }
    }
}
