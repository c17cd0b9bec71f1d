package org.peerlet.config;

import org.peerlet.http.TrustedProxies;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every setting Peerlet has, in one table, and the values in force. Later sources win:
 * defaults, then {@code <data dir>/peerlet.properties}, then {@code PEERLET_*} environment
 * variables, then command-line flags. A bad value stops start-up with one line naming it.
 */
public final class Settings {

    public static final Setting<Integer> PORT = new Setting<>("port", "9000",
            "HTTP port to listen on", Parsers.intRange(0, 65535));
    public static final Setting<String> HOST = new Setting<>("host", "0.0.0.0",
            "address to listen on", Parsers.text());
    public static final Setting<Path> DATA_DIR = new Setting<>("data_dir", "data",
            "folder for the database, media and keys", Parsers.path());
    public static final Setting<String> PUBLIC_URL = new Setting<>("public_url", "",
            "the instance's public base URL, used in links and federation; empty means http://localhost:PORT",
            Parsers.baseUrl());
    public static final Setting<String> ADMIN_PASSWORD = new Setting<>("admin_password", "",
            "password of the 'admin' account made at first start; empty means generate one and print it once",
            Parsers.text());
    public static final Setting<Long> MAX_UPLOAD_SIZE = new Setting<>("max_upload_size", "8G",
            "largest video file accepted", Parsers.size());
    public static final Setting<Long> USER_VIDEO_QUOTA = new Setting<>("user_video_quota", "-1",
            "default total upload quota of new users in bytes, -1 for none", s -> "-1".equals(s) ? -1L : Parsers.size().apply(s));
    public static final Setting<Long> USER_VIDEO_QUOTA_DAILY = new Setting<>("user_video_quota_daily", "-1",
            "default daily upload quota of new users in bytes, -1 for none", s -> "-1".equals(s) ? -1L : Parsers.size().apply(s));
    public static final Setting<List<Integer>> TRANSCODING_RESOLUTIONS = new Setting<>("transcoding_resolutions",
            "240,360,480,720", "HLS ladder resolutions, the shorter side (720 = 1280x720, or 720x1280 upright; 1080 is opt-in)", Parsers.resolutions());
    public static final Setting<String> TRANSCODING_PRESET = new Setting<>("transcoding_preset", "veryfast",
            "x264 preset", Parsers.oneOf("ultrafast", "superfast", "veryfast", "faster", "fast", "medium"));
    public static final Setting<Integer> TRANSCODING_CONCURRENCY = new Setting<>("transcoding_concurrency", "1",
            "transcoding jobs run at once", Parsers.intRange(1, 8));
    public static final Setting<Integer> TRANSCODING_THREADS = new Setting<>("transcoding_threads", "0",
            "encoder threads per job, 0 for the number of cores", Parsers.intRange(0, 64));
    public static final Setting<Boolean> KEEP_ORIGINAL = new Setting<>("keep_original", "true",
            "keep the uploaded original after transcoding", Parsers.bool());
    public static final Setting<Integer> DISK_MARGIN_MB = new Setting<>("disk_margin_mb", "256",
            "free space (MB) kept on the data dir's and temp's disks: uploads that would eat into it are refused (507)",
            Parsers.intRange(0, 1_000_000));
    public static final Setting<Boolean> P2P_ENABLED = new Setting<>("p2p_enabled", "true",
            "let viewers share segments with each other over WebRTC", Parsers.bool());
    public static final Setting<Boolean> FEDERATION_ALLOW_LOOPBACK = new Setting<>("federation_allow_loopback", "false",
            "development: allow federation with instances on loopback addresses", Parsers.bool());
    public static final Setting<Boolean> FEDERATION_ALLOW_HTTP = new Setting<>("federation_allow_http", "false",
            "development: allow federation over plain http", Parsers.bool());

    public static final Setting<Integer> DEFAULT_PRIVACY = new Setting<>("default_privacy", "private",
            "privacy of new uploads that do not say (public, unlisted, private, internal)",
            s -> switch (s) {
                case "public", "1" -> 1;
                case "unlisted", "2" -> 2;
                case "private", "3" -> 3;
                case "internal", "4" -> 4;
                default -> throw new IllegalArgumentException("must be public, unlisted, private or internal");
            });
    public static final Setting<Integer> TRACKER_MAX_SOCKETS_PER_IP = new Setting<>("tracker_max_sockets_per_ip", "50",
            "P2P tracker: WebSocket connections open at once from one address", Parsers.intRange(1, 1_000_000));
    public static final Setting<Integer> TRACKER_ANNOUNCES_PER_IP = new Setting<>("tracker_announces_per_ip", "100",
            "P2P tracker: announces allowed per address in 10 seconds", Parsers.intRange(1, 10_000_000));
    public static final Setting<Integer> TRACKER_ANNOUNCES_PER_IP_PER_SWARM = new Setting<>("tracker_announces_per_ip_per_swarm",
            "20", "P2P tracker: announces allowed per address and swarm in 10 seconds", Parsers.intRange(1, 10_000_000));

    public static final Setting<Integer> LOGIN_LIMIT_PER_IP = new Setting<>("login_limit_per_ip", "15",
            "login attempts allowed per address in 5 minutes", Parsers.intRange(1, 100_000));

    public static final Setting<TrustedProxies> TRUSTED_PROXIES = new Setting<>("trusted_proxies", "loopback",
            "reverse proxies whose X-Forwarded-For names the client: loopback, private, none, IPs or CIDR ranges",
            TrustedProxies::parse);

    public static final Setting<Boolean> ACCESS_LOG = new Setting<>("access_log", "false",
            "log one line per request, media files included (off: API calls and failures only)", Parsers.bool());

    public static final Setting<Boolean> METRICS_ENABLED = new Setting<>("metrics_enabled", "false",
            "serve Prometheus/OpenMetrics figures at /metrics (to admins' tokens, or see metrics_port)", Parsers.bool());
    public static final Setting<Integer> METRICS_PORT = new Setting<>("metrics_port", "0",
            "with metrics on: serve /metrics without a token on 127.0.0.1 at this port instead (0: on the main port, admins only)",
            Parsers.intRange(0, 65535));
    public static final Setting<String> LOG_LEVEL = new Setting<>("log_level", "info",
            "least level logged: error, warn, info, debug or trace", Parsers.oneOf("error", "warn", "info", "debug", "trace"));
    public static final Setting<String> LOG_LEVELS = new Setting<>("log_levels", "",
            "levels of single sources, such as transcode=debug,http=warn (names as in the log lines)", Parsers.text());

    public static final Setting<String> SMTP_HOST = new Setting<>("smtp_host", "",
            "SMTP server for e-mail (password reset, sign-up verification, notifications); empty: no e-mail", Parsers.text());
    public static final Setting<Integer> SMTP_PORT = new Setting<>("smtp_port", "587",
            "SMTP server's port", Parsers.intRange(1, 65535));
    public static final Setting<String> SMTP_TLS = new Setting<>("smtp_tls", "starttls",
            "SMTP encryption: none, starttls (upgrade, required) or tls (from the start, often port 465)",
            Parsers.oneOf("none", "starttls", "tls"));
    public static final Setting<String> SMTP_USER = new Setting<>("smtp_user", "",
            "SMTP login; empty: send without logging in", Parsers.text());
    public static final Setting<String> SMTP_PASSWORD = new Setting<>("smtp_password", "",
            "SMTP password", Parsers.text());
    public static final Setting<String> SMTP_FROM = new Setting<>("smtp_from", "",
            "sender address of e-mails; empty: noreply@ the public URL's host", Parsers.text());

    public static final Setting<String> BACKUP_DIR = new Setting<>("backup_dir", "",
            "folder the server backs up into on its schedule (a mounted USB disk, say); empty: no scheduled backups",
            Parsers.text());
    public static final Setting<String> BACKUP_EVERY = new Setting<>("backup_every", "daily",
            "how often the server backs up into backup_dir: hourly, daily, weekly or off", Parsers.oneOf("hourly", "daily", "weekly", "off"));
    public static final Setting<Integer> BACKUP_KEEP = new Setting<>("backup_keep", "7",
            "scheduled backups kept in backup_dir; older ones are removed", Parsers.intRange(1, 1000));

    public static final List<Setting<?>> ALL = List.of(PORT, HOST, DATA_DIR, PUBLIC_URL, ADMIN_PASSWORD,
            MAX_UPLOAD_SIZE, USER_VIDEO_QUOTA, USER_VIDEO_QUOTA_DAILY, TRANSCODING_RESOLUTIONS, TRANSCODING_PRESET,
            TRANSCODING_CONCURRENCY, TRANSCODING_THREADS, KEEP_ORIGINAL, DISK_MARGIN_MB, P2P_ENABLED,
            FEDERATION_ALLOW_LOOPBACK, FEDERATION_ALLOW_HTTP, TRACKER_MAX_SOCKETS_PER_IP, TRACKER_ANNOUNCES_PER_IP,
            TRACKER_ANNOUNCES_PER_IP_PER_SWARM, LOGIN_LIMIT_PER_IP, TRUSTED_PROXIES, DEFAULT_PRIVACY,
            ACCESS_LOG, METRICS_ENABLED, METRICS_PORT, LOG_LEVEL, LOG_LEVELS, SMTP_HOST, SMTP_PORT, SMTP_TLS, SMTP_USER, SMTP_PASSWORD, SMTP_FROM, BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP);

    public static final String FILE_NAME = "peerlet.properties";

    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting.key());
    }

    /** The base URL for links: the configured one, or the local address. */
    public String publicUrl() {
        String url = get(PUBLIC_URL);
        return url.isEmpty() ? "http://localhost:" + get(PORT) : url;
    }

    /** The host (and port, when not default) that names this instance in handles and federation. */
    public String publicHost() {
        java.net.URI u = java.net.URI.create(publicUrl());
        return u.getPort() == -1 ? u.getHost() : u.getHost() + ":" + u.getPort();
    }

    public Path dataDir() {
        return get(DATA_DIR);
    }

    /** Returns a copy with one value changed; for tests and the admin tool. */
    public <T> Settings with(Setting<T> setting, T value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(setting.key(), value);
        return new Settings(copy);
    }

    /**
     * Reads settings from every source.
     *
     * @param env   the environment (System.getenv() in production)
     * @param flags command-line flags such as {@code --port=9001} or {@code --port 9001}
     * @throws BadSettingException naming the first bad key and value
     */
    public static Settings load(Map<String, String> env, List<String> flags) {
        Map<String, String> flagValues = parseFlags(flags);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting<?> s : ALL) values.put(s.key(), s.parse(s.defaultValue(), "default"));

        // The data dir decides where the file is, so it is resolved from env and flags first.
        Path dataDir = DATA_DIR.parse(firstNonNull(flagValues.get(DATA_DIR.key()),
                env.get(DATA_DIR.envName()), DATA_DIR.defaultValue()), "data dir");
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new BadSettingException(file + ": cannot read: " + e.getMessage());
            }
            for (String name : props.stringPropertyNames()) {
                Setting<?> s = byKey(name);
                if (s == null) throw new BadSettingException(file + ": unknown setting \"" + name + "\"");
                values.put(s.key(), s.parse(props.getProperty(name), file.toString()));
            }
        }
        for (Setting<?> s : ALL) {
            String v = env.get(s.envName());
            if (v != null) values.put(s.key(), s.parse(v, "environment"));
        }
        for (Map.Entry<String, String> e : flagValues.entrySet()) {
            Setting<?> s = byKey(e.getKey());
            values.put(s.key(), s.parse(e.getValue(), "command line"));
        }
        values.put(DATA_DIR.key(), dataDir);
        return new Settings(values);
    }

    private static Map<String, String> parseFlags(List<String> flags) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> args = new ArrayList<>(flags);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) throw new BadSettingException("command line: unexpected argument \"" + a + "\" (see --help)");
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new BadSettingException("command line: " + a + " needs a value");
            }
            Setting<?> s = byKey(name);
            if (s == null) throw new BadSettingException("command line: unknown flag --" + name + " (see --help)");
            out.put(s.key(), value);
        }
        return out;
    }

    private static Setting<?> byKey(String name) {
        String k = name.toLowerCase().replace('-', '_').replace('.', '_');
        for (Setting<?> s : ALL) if (s.key().equals(k)) return s;
        return null;
    }

    private static String firstNonNull(String... xs) {
        for (String x : xs) if (x != null) return x;
        return null;
    }

    /** The settings table for --help and README. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        for (Setting<?> s : ALL) {
            sb.append(String.format("  %-34s %-32s %s (default: %s)%n", s.flagName(), s.envName(), s.help(),
                    s.defaultValue().isEmpty() ? "none" : s.defaultValue()));
        }
        return sb.toString();
    }
}
