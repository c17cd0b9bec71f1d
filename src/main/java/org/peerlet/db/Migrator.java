package org.peerlet.db;

import org.jooq.DSLContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Applies the schema changes in {@code db/migration/}, in order, each in its own transaction.
 * The list is append-only: {@code index.txt} names the files, and the number applied so far is
 * kept in SQLite's {@code user_version}. A database newer than this code is refused.
 */
public final class Migrator {

    private static final String DIR = "/db/migration/";

    private final Database db;
    private final Function<String, String> files;

    public Migrator(Database db) {
        this(db, Migrator::read);
    }

    /** Reads the migrations through {@code files} (a name to its text) instead of the classpath. */
    Migrator(Database db, Function<String, String> files) {
        this.db = db;
        this.files = files;
    }

    /** Returns how many migrations were applied now. */
    public int migrate() {
        List<String> names = index(files.apply("index.txt"));
        int current = version();
        if (current > names.size()) {
            throw new IllegalStateException("the database is at schema version " + current
                    + " but this Peerlet knows only " + names.size() + ": it was made by a newer Peerlet;"
                    + " run that version, or restore a backup");
        }
        for (int i = current; i < names.size(); i++) {
            String sql = files.apply(names.get(i));
            int next = i + 1;
            db.writeVoid(dsl -> {
                for (String statement : SqlScript.split(sql)) dsl.execute(statement);
                dsl.execute("PRAGMA user_version = " + next);
            });
        }
        return names.size() - current;
    }

    public int version() {
        DSLContext dsl = db.dsl();
        return ((Number) dsl.fetchValue("PRAGMA user_version")).intValue();
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
