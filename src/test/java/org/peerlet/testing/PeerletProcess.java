package org.peerlet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Peerlet as an operator runs it, its own java process: the admin tool, or the server on
 * {@code <dir>/data}, so that a test can kill it with SIGKILL (no shutdown hook runs, as in a
 * power cut) and start it again on the same data.
 */
public final class PeerletProcess implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "kill-test-password";

    private final Process process;
    private final Api api;

    private PeerletProcess(Process process, Api api) {
        this.process = process;
        this.api = api;
    }

    /** The jar's main class with these arguments, in workDir, with no PEERLET_* variables of ours. */
    public static ProcessBuilder java(Path workDir, String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "org.peerlet.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PEERLET_"));
        return pb;
    }

    public record Finished(int exitCode, String output) {
    }

    /** Runs {@code admin <args>} on a data dir (beside a server that may be running on it) to its end. */
    public static Finished admin(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toAbsolutePath().toString()));
        try {
            Process p = java(dataDir, all.toArray(String[]::new)).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the admin tool did not end: " + out);
            }
            return new Finished(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server and returns once it answers; {@code flags} are extra settings. */
    public static PeerletProcess start(Path dir, int port, String... flags) throws Exception {
        return start(dir, port, cmd -> cmd, flags);
    }

    /**
     * As {@link #start(Path, int, String...)}, with the command line changed by {@code wrap} first:
     * run inside another program, say, or with JVM options (the java binary is its first element).
     */
    public static PeerletProcess start(Path dir, int port, java.util.function.UnaryOperator<List<String>> wrap,
                                       String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port), "--host", "127.0.0.1",
                "--data-dir", dir.resolve("data").toString(), "--admin-password", ADMIN_PASSWORD));
        args.addAll(List.of(flags));
        ProcessBuilder pb = java(dir, args.toArray(String[]::new));
        pb.command(wrap.apply(new ArrayList<>(pb.command())));
        Process p = pb.redirectOutput(dir.resolve("peerlet-" + System.nanoTime() + ".log").toFile()).start();
        Api api = new Api("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
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

    /** The process id: {@code /proc/<pid>/root} shows its files as it sees them (its own mounts too). */
    public long pid() {
        return process.pid();
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
