package org.peerlet.db;

import org.jooq.DSLContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Applies the schema changes in {@code db/migration/}, in order, each in its own transaction, so
 * one that fails leaves the database as the previous one left it. The list is append-only:
 * {@code index.txt} names the files, and the number applied so far is kept in SQLite's
 * {@code user_version}; the Peerlet version that last ran the database is kept in
 * {@code peerlet_version}. A database newer than this code, by either, is refused before anything
 * is written.
 */
public final class Migrator {

    private static final String DIR = "/db/migration/";

    private final Database db;
    private final Function<String, String> files;
    private final String peerletVersion;

    /** @param peerletVersion the version of the Peerlet running this, recorded once it has migrated */
    public Migrator(Database db, String peerletVersion) {
        this(db, Migrator::read, peerletVersion);
    }

    /** Reads the migrations through {@code files} (a name to its text) instead of the classpath. */
    Migrator(Database db, Function<String, String> files, String peerletVersion) {
        this.db = db;
        this.files = files;
        this.peerletVersion = peerletVersion;
    }

    /** Returns how many migrations were applied now. */
    public int migrate() {
        List<String> names = index(files.apply("index.txt"));
        int current = version();
        if (current > names.size()) {
            throw new IllegalStateException("the database is at schema version " + current
                    + " but this Peerlet " + peerletVersion + " knows only " + names.size()
                    + ": it was made by a newer Peerlet; run that version, or restore a backup");
        }
        LastRun last = lastRun();
        if (last != null && compareVersions(last.version(), peerletVersion) > 0) {
            throw new IllegalStateException("the database was last run by Peerlet " + last.version() + " (schema "
                    + last.migrations() + ") and this is Peerlet " + peerletVersion + " (schema " + names.size()
                    + "), older: run Peerlet " + last.version() + " or newer, or restore a backup made before the upgrade");
        }
        for (int i = current; i < names.size(); i++) apply(names.get(i), i + 1, current);
        if (last == null || !last.version().equals(peerletVersion) || last.migrations() != names.size()) {
            record(names.size());
        }
        return names.size() - current;
    }

    /** One migration in one transaction; a failure names the file and statement, and rolls it all back. */
    private void apply(String name, int next, int before) {
        List<String> statements = SqlScript.split(files.apply(name));
        int[] at = {0};
        try {
            db.writeVoid(dsl -> {
                for (String statement : statements) {
                    at[0]++;
                    dsl.execute(statement);
                }
                dsl.execute("PRAGMA user_version = " + next);
            });
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            String why = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
            int done = Math.max(before, next - 1);
            throw new IllegalStateException("migration " + name + " failed at its statement " + at[0] + " of "
                    + statements.size() + ": " + why + "; it was rolled back and the database is left at schema version "
                    + done, e);
        }
    }

    public int version() {
        DSLContext dsl = db.dsl();
        return ((Number) dsl.fetchValue("PRAGMA user_version")).intValue();
    }

    /**
     * What {@code peerlet_version} says, or null before that table exists. Plain SQL here, as in the
     * migrations: the migrator is built before jOOQ's tables are generated from it.
     */
    private LastRun lastRun() {
        DSLContext dsl = db.dsl();
        Object exists = dsl.fetchValue("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'peerlet_version'");
        if (((Number) exists).intValue() == 0) return null;
        var row = dsl.fetchOptional("SELECT version, migrations FROM peerlet_version WHERE id = 1");
        return row.map(r -> new LastRun(r.get(0, String.class), r.get(1, Integer.class))).orElse(null);
    }

    private void record(int migrations) {
        db.writeVoid(dsl -> dsl.execute("INSERT INTO peerlet_version (id, version, migrations, updated_at) VALUES (1, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET version = excluded.version, migrations = excluded.migrations,"
                + " updated_at = excluded.updated_at", peerletVersion, migrations, System.currentTimeMillis()));
    }

    private record LastRun(String version, int migrations) {
    }

    /** Compares dotted versions number by number ("0.10.0" after "0.9.2"); a suffix such as "-rc1" is ignored. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[-+]", 2)[0].split("\\.");
        String[] y = b.split("[-+]", 2)[0].split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(number(x, i), number(y, i));
            if (c != 0) return c;
        }
        return 0;
    }

    private static long number(String[] parts, int i) {
        if (i >= parts.length) return 0;
        try {
            return Long.parseLong(parts[i].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static List<String> index(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = Migrator.class.getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalStateException("missing migration " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }
}
