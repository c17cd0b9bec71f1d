package org.peerlet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Peerlet as a separate java process, as an operator runs it: the server or the admin tool. */
public final class PeerletProcess {
    private PeerletProcess() {
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
}
