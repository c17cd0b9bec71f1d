package org.peerlet.testing;

import org.peerlet.App;
import org.peerlet.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Peerlet on a random port with its own temporary data dir, as a test sees it.
 * {@link #restart()} stops it and starts it again on the same data, as an operator would.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final Path dataDir;
    private final Map<String, String> env;
    private final Clock clock;
    private App app;
    private Api api;

    private TestServer(Path dataDir, Map<String, String> env, Clock clock) {
        this.dataDir = dataDir;
        this.env = env;
        this.clock = clock;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** @param env extra settings as {@code PEERLET_*} variables */
    public static TestServer start(Map<String, String> env) {
        return start(env, Clock.systemUTC());
    }

    public static TestServer start(Map<String, String> env, Clock clock) {
        try {
            TestServer s = new TestServer(Files.createTempDirectory("peerlet-test"), new HashMap<>(env), clock);
            s.boot();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int port;

    private void boot() {
        if (port == 0) port = freePort();
        Map<String, String> all = new HashMap<>();
        all.put("PEERLET_PORT", String.valueOf(port));
        all.put("PEERLET_HOST", "127.0.0.1");
        all.put("PEERLET_DATA_DIR", dataDir.toString());
        all.put("PEERLET_ADMIN_PASSWORD", ADMIN_PASSWORD);
        all.put("PEERLET_LOGIN_LIMIT_PER_IP", "1000");
        all.putAll(env);
        List<String> flags = new ArrayList<>();
        app = new App(Settings.load(all, flags), clock).start();
        api = new Api("http://127.0.0.1:" + app.port());
    }

    /** A port free now; the server keeps it across restarts, as links it handed out name it. */
    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void restart() {
        app.close();
        boot();
    }

    public App app() {
        return app;
    }

    public Api api() {
        return api;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return api.base();
    }

    @Override
    public void close() {
        app.close();
        TestFiles.deleteRecursively(dataDir);
    }
}
