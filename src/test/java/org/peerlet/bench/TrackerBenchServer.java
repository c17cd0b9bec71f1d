package org.peerlet.bench;

import org.peerlet.App;
import org.peerlet.config.Settings;
import org.peerlet.tracker.InfoHashes;
import org.peerlet.tracker.KnownSwarms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Peerlet for the tracker benchmark: the real App on loopback, with {@code swarms} admitted
 * playlists whose URLs {@link TrackerLoad} derives the same way, and per-address limits raised
 * (every benchmark client comes from 127.0.0.1). Stops when its stdin closes or it is killed.
 *
 * <p>Run by {@code bench/tracker.sh}: {@code TrackerBenchServer <port> <swarms>}
 */
public final class TrackerBenchServer {
    static String playlist(int i) {
        return "http://127.0.0.1/static/streaming-playlists/hls/bench-" + i + "/master.m3u8";
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int swarms = Integer.parseInt(args[1]);
        Path data = Files.createTempDirectory("peerlet-bench");
        Settings settings = Settings.load(Map.of(
                "PEERLET_PORT", String.valueOf(port),
                "PEERLET_HOST", "127.0.0.1",
                "PEERLET_DATA_DIR", data.toString(),
                "PEERLET_ADMIN_PASSWORD", "bench-admin-password",
                "PEERLET_TRACKER_MAX_SOCKETS_PER_IP", "100000",
                "PEERLET_TRACKER_ANNOUNCES_PER_IP", "10000000",
                "PEERLET_TRACKER_ANNOUNCES_PER_IP_PER_SWARM", "10000000"), List.of());
        App app = new App(settings, Clock.systemUTC()).start();
        KnownSwarms known = app.knownSwarms();
        for (int i = 0; i < swarms; i++) known.admit(InfoHashes.forPlaylist(playlist(i), 0));
        System.out.println("READY " + app.port() + " pid " + ProcessHandle.current().pid());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        while (System.in.read() >= 0) {
            // wait for the script to close stdin
        }
        app.close();
    }
}
