package org.peerlet.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlet.Version;
import org.peerlet.testing.PeerletProcess;
import org.peerlet.testing.Sql;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upgrades: the database says which Peerlet last ran it, an older jar refuses a newer database in
 * one line without touching it, and a migration that fails leaves the database as it was.
 */
class UpgradesAreRefusedOrWhole {

    @Test
    void anOlderJarOnANewerDatabaseRefusesToStartInOneLine(@TempDir Path dir) throws Exception {
        PeerletProcess.Finished made = PeerletProcess.admin(java.nio.file.Files.createDirectories(dir.resolve("data")),
                "create-user", "--username", "grandma", "--password", "knitting1");
        assertThat(made.exitCode()).as(made.output()).isZero();
        Path db = dir.resolve("data/peerlet.db");
        assertThat(Sql.text(db, "SELECT version FROM peerlet_version")).isEqualTo(Version.VERSION);
        assertThat(Sql.number(db, "SELECT migrations FROM peerlet_version")).isEqualTo(Sql.number(db, "PRAGMA user_version"));

        Sql.update(db, "UPDATE peerlet_version SET version = '99.0.0'");
        long schema = Sql.number(db, "PRAGMA user_version");
        Process p = PeerletProcess.java(dir, "--port", "0", "--data-dir", dir.resolve("data").toString()).start();
        String out;
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("refused, so ended").isTrue();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out.lines().count()).as(out).isEqualTo(1);
        assertThat(out).contains("last run by Peerlet 99.0.0").contains("this is Peerlet " + Version.VERSION)
                .contains("restore a backup");
        assertThat(Sql.text(db, "SELECT version FROM peerlet_version")).as("left as it was").isEqualTo("99.0.0");
        assertThat(Sql.number(db, "PRAGMA user_version")).isEqualTo(schema);
    }

    @Test
    void aFailingMigrationIsRolledBackAndNamed(@TempDir Path dir) {
        Map<String, String> files = Map.of(
                "index.txt", "V001__one.sql\nV002__two.sql\n",
                "V001__one.sql", "CREATE TABLE kept (id INTEGER PRIMARY KEY);\n",
                "V002__two.sql", "CREATE TABLE half (id INTEGER PRIMARY KEY);\nINSERT INTO kept VALUES (1);\nINSERT INTO nowhere VALUES (1);\n");
        try (Database db = new Database(dir.resolve("t.db"))) {
            Migrator migrator = new Migrator(db, files::get, "1.0.0");
            assertThatThrownBy(migrator::migrate).hasMessageContaining("migration V002__two.sql failed at its statement 3 of 3")
                    .hasMessageContaining("nowhere").hasMessageContaining("left at schema version 1");
            assertThat(migrator.version()).isEqualTo(1);
        }
        Path file = dir.resolve("t.db");
        assertThat(Sql.number(file, "SELECT count(*) FROM sqlite_master WHERE name = 'half'")).as("V002's table").isZero();
        assertThat(Sql.number(file, "SELECT count(*) FROM kept")).as("V002's row").isZero();
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(Migrator.compareVersions("0.10.0", "0.9.2")).isPositive();
        assertThat(Migrator.compareVersions("1.0.0-rc1", "1.0.0")).isZero();
        assertThat(Migrator.compareVersions("0.1", "0.1.1")).isNegative();
    }
}
