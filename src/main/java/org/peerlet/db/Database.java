package org.peerlet.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The SQLite database, tuned in one place: WAL so readers never wait for the writer, a busy
 * timeout, foreign keys on, and write transactions that begin IMMEDIATE so two writers can
 * never deadlock upgrading a read lock.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    public Database(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setDateClass("INTEGER");

        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        hikari.setDataSourceProperties(sqlite.toProperties());
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        hikari.setPoolName("sqlite");
        this.dataSource = new HikariDataSource(hikari);
        this.dsl = DSL.using(dataSource, SQLDialect.SQLITE, new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false));
    }

    /** For reads outside a transaction (each statement sees a consistent snapshot). */
    public DSLContext dsl() {
        return dsl;
    }

    /** Runs a write transaction: all or nothing. */
    public <T> T write(Function<DSLContext, T> work) {
        return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
    }

    public void writeVoid(java.util.function.Consumer<DSLContext> work) {
        dsl.transaction(cfg -> work.accept(cfg.dsl()));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
