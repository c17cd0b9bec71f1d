package org.peerlet.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Peerlet as an operator runs it, its own java process on {@code <dir>/data}, so that a test can
 * kill it with SIGKILL (no shutdown hook runs, as in a power cut) and start it again on the same data.
 */
public final class PeerletProcess implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "kill-test-password";

    private final Process process;
    private final Api api;

    private PeerletProcess(Process process, Api api) {
        this.process = process;
        this.api = api;
    }

    /** Starts Peerlet and returns once it answers; {@code flags} are extra settings. */
    public static PeerletProcess start(Path dir, int port, String... flags) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "org.peerlet.Main", "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--data-dir", dir.resolve("data").toString(), "--admin-password", ADMIN_PASSWORD));
        cmd.addAll(List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("peerlet-" + System.nanoTime() + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PEERLET_"));
        Process p = pb.start();
        Api api = new Api("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (api.get("/api/v1/config").status() == 200) return new PeerletProcess(p, api);
            } catch (IllegalStateException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("Peerlet did not start");
    }

    public Api api() {
        return api;
    }

    /** SIGKILL: the process ends where it is, nothing of it runs any more. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** An ordered stop (SIGTERM). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) kill();
    }
}
