package org.peerlet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a server keeps: every file of its data dir (name, size, time) and the row count of every
 * table of its database. A refused request must leave both as they were.
 */
public final class DataDirState {
    private static final java.time.Duration CLEAN_UP = java.time.Duration.ofSeconds(2);
    private final Path dataDir;

    public DataDirState(TestServer server) {
        this.dataDir = server.dataDir();
    }

    public record Snapshot(Map<String, String> files, Map<String, Long> rows) {
        /** What differs from {@code before}, in a line; empty when nothing does. */
        public String changesSince(Snapshot before) {
            StringBuilder out = new StringBuilder();
            for (String f : union(before.files(), files())) {
                if (!java.util.Objects.equals(before.files().get(f), files().get(f))) {
                    out.append(f).append(": ").append(before.files().get(f)).append(" -> ").append(files().get(f)).append("; ");
                }
            }
            for (String t : union(before.rows(), rows())) {
                if (!java.util.Objects.equals(before.rows().get(t), rows().get(t))) {
                    out.append("table ").append(t).append(": ").append(before.rows().get(t)).append(" -> ")
                            .append(rows().get(t)).append(" rows; ");
                }
            }
            return out.toString();
        }

        private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
            java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            return keys;
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(files(), rows());
    }

    public void assertUnchanged(String what, Snapshot before) {
        assertThat(changesLeft(before)).as(what + ": the data dir and database keep nothing").isEmpty();
    }

    /**
     * What is still changed since {@code before}, once the server had its moment to clean up: Jetty
     * deletes a refused multipart's spilled parts as the request completes, just after the answer.
     */
    public String changesLeft(Snapshot before) {
        long deadline = System.nanoTime() + CLEAN_UP.toNanos();
        String changes = snapshot().changesSince(before);
        while (!changes.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10); // a poll's pause, as Await's
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            changes = snapshot().changesSince(before);
        }
        return changes;
    }

    /** Files but the database's own (written by any query) and FFmpeg's unpacked libraries. */
    private Map<String, String> files() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = dataDir.relativize(p).toString();
                if (name.startsWith("peerlet.db") || name.startsWith("native")) continue;
                try {
                    out.put(name, Files.size(p) + " bytes, " + Files.getLastModifiedTime(p));
                } catch (java.nio.file.NoSuchFileException e) {
                    out.put(name, "gone while looked at");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private Map<String, Long> rows() {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("peerlet.db").toAbsolutePath());
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (r.next()) tables.add(r.getString(1));
            }
            for (String t : tables) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    r.next();
                    out.put(t, r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
