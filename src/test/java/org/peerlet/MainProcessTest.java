package org.peerlet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.testing.Api;
import org.peerlet.testing.PeerletProcess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs Peerlet as an operator does: a separate java process. */
class MainProcessTest {

    @Test
    void aBadSettingStopsStartUpWithOneLineNamingIt(@TempDir Path dir) throws Exception {
        Process p = PeerletProcess.java(dir, "--port", "abc").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.lines().count()).isEqualTo(1);
        assertThat(out).contains("PEERLET_PORT").contains("abc");
    }

    @Test
    void withNoConfigurationItMakesDataPrintsThePasswordAndServes(@TempDir Path dir) throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = PeerletProcess.java(dir, "--port", String.valueOf(port));
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String password = null;
            boolean listening = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listening && System.nanoTime() < deadline) {
                String line = out.readLine();
                if (line == null) break;
                if (line.contains("with the password ")) password = line.replaceAll(".*with the password (\\S+).*", "$1");
                if (line.contains("listening on")) listening = true;
            }
            assertThat(listening).isTrue();
            assertThat(password).isNotNull();
            assertThat(Files.exists(dir.resolve("data/peerlet.db"))).isTrue();
            Api api = new Api("http://127.0.0.1:" + port);
            assertThat(api.get("/").text()).contains("<html");
            assertThat(api.get("/api/v1/config").status()).isEqualTo(200);
            assertThat(api.login("admin", password).status()).isEqualTo(200);
            // SIGTERM: an ordered shutdown well within 5 s.
            long t0 = System.nanoTime();
            p.destroy();
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5000);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theAdminToolCreatesUsersAndResetsPasswords(@TempDir Path dir) throws Exception {
        Process create = PeerletProcess.java(dir, "admin", "create-user", "--username", "grandma", "--password", "knitting1").start();
        assertThat(create.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(create.getInputStream().readAllBytes())).contains("made user grandma");
        assertThat(create.exitValue()).isZero();
        Process reset = PeerletProcess.java(dir, "admin", "reset-password", "--username", "grandma", "--password", "knitting2").start();
        assertThat(reset.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(reset.exitValue()).isZero();
        Process missing = PeerletProcess.java(dir, "admin", "reset-password", "--username", "nobody", "--password", "whatever1").start();
        assertThat(missing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(missing.exitValue()).isEqualTo(1);
        Process help = PeerletProcess.java(dir, "--help").start();
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(help.getInputStream().readAllBytes())).contains("PEERLET_PORT").contains("create-user");
    }
}
