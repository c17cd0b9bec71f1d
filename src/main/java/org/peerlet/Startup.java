package org.peerlet;

import org.peerlet.backup.BackupService;
import org.peerlet.config.Settings;
import org.peerlet.db.Database;
import org.peerlet.db.Migrator;
import org.peerlet.federation.Blocklist;
import org.peerlet.federation.net.OutgoingHttp;
import org.peerlet.instance.Urls;
import org.peerlet.instance.InstanceRoutes;
import org.peerlet.tracker.KnownSwarms;
import org.peerlet.tracker.Tracker;
import org.peerlet.tracker.TrackerLimits;
import org.peerlet.transcode.TranscodeWorker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** What {@link App} reads from the settings and the data dir before it builds the features. */
final class Startup {
    private Startup() {
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data dir " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** The database, migrated to this version's schema; closed again if that fails. */
    static Database openDatabase(Path dataDir) {
        Database db = new Database(dataDir.resolve("peerlet.db"));
        try {
            new Migrator(db, Version.VERSION).migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The server's own backups, as the settings plan them; quiet while no transcode waits or runs. */
    static BackupService backups(Settings settings, Database db, TranscodeWorker worker, Clock clock) {
        String dir = settings.get(Settings.BACKUP_DIR);
        Duration every = switch (settings.get(Settings.BACKUP_EVERY)) {
            case "hourly" -> Duration.ofHours(1);
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> Duration.ofDays(7);
            default -> null;
        };
        BackupService.Plan plan = new BackupService.Plan(dir.isBlank() ? null : Path.of(dir), every, settings.get(Settings.BACKUP_KEEP));
        return new BackupService(db, settings.dataDir(), plan,
                worker::idle, Version.VERSION, clock);
    }

    /** Free space checks on the data dir and the JVM's temporary folder, with the margin the settings keep. */
    static org.peerlet.media.DiskSpace disk(Settings settings) {
        return new org.peerlet.media.DiskSpace(settings.dataDir(), Path.of(System.getProperty("java.io.tmpdir")),
                settings.get(Settings.DISK_MARGIN_MB) * 1024L * 1024L);
    }

    static TranscodeWorker.Config transcodeConfig(Settings settings) {
        return new TranscodeWorker.Config(settings.get(Settings.TRANSCODING_RESOLUTIONS),
                settings.get(Settings.TRANSCODING_PRESET), settings.get(Settings.TRANSCODING_THREADS),
                settings.get(Settings.TRANSCODING_CONCURRENCY), settings.get(Settings.KEEP_ORIGINAL));
    }

    /** What the instance can do, as /api/v1/config tells clients. */
    static InstanceRoutes.Capabilities capabilities(Settings settings) {
        return new InstanceRoutes.Capabilities(
                settings.get(Settings.TRANSCODING_RESOLUTIONS), settings.get(Settings.P2P_ENABLED),
                settings.get(Settings.USER_VIDEO_QUOTA), settings.get(Settings.USER_VIDEO_QUOTA_DAILY),
                List.of(".mp4", ".webm", ".mkv", ".mov", ".ogv", ".avi", ".m4v", ".mp3", ".m4a", ".ogg", ".flac", ".wav"),
                settings.get(Settings.DEFAULT_PRIVACY), !settings.get(Settings.SMTP_HOST).isBlank());
    }

    /** The P2P tracker, with the per-address limits the settings give. */
    static Tracker tracker(Settings settings, KnownSwarms swarms, Clock clock) {
        return new Tracker(settings.get(Settings.P2P_ENABLED), swarms, TrackerLimits.defaults()
                .withAddressLimits(settings.get(Settings.TRACKER_MAX_SOCKETS_PER_IP), settings.get(Settings.TRACKER_ANNOUNCES_PER_IP),
                        settings.get(Settings.TRACKER_ANNOUNCES_PER_IP_PER_SWARM)), clock);
    }

    /** The guarded client for every fetch federation makes: no private addresses, no blocked hosts. */
    static OutgoingHttp outgoing(Settings settings, Blocklist blocklist, Urls urls, Clock clock) {
        return new OutgoingHttp(settings.get(Settings.FEDERATION_ALLOW_HTTP), settings.get(Settings.FEDERATION_ALLOW_LOOPBACK),
                blocklist::isBlocked, clock, "Peerlet/" + Version.VERSION + " (+" + urls.base() + ")");
    }
}
