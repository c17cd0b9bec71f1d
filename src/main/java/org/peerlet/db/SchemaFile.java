package org.peerlet.db;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step, not part of the server: makes a fresh database from the migrations so jOOQ's code
 * generator reads the schema exactly as SQLite has it, types included. Run by the Maven build
 * before compiling (see pom.xml, "schema").
 */
public final class SchemaFile {
    private SchemaFile() {
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.getParent());
        for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(file + suffix));
        try (Database db = new Database(file)) {
            new Migrator(db, name -> read(migrations.resolve(name)), "build").migrate();
        }
    }
}
