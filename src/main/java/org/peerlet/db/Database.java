package org.peerlet.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The SQLite database, tuned in one place: WAL so readers never wait for the writer, a busy
 * timeout, foreign keys on, and write transactions that begin IMMEDIATE so two writers can
 * never deadlock upgrading a read lock.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    /** Actions waiting for the commit of the write transaction open on this thread. */
    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

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

    /** Runs a write transaction: all or nothing; what was queued with {@link #afterCommit} runs once it commits. */
    public <T> T write(Function<DSLContext, T> work) {
        if (pending.get() != null) return dsl.transactionResult(cfg -> work.apply(cfg.dsl())); // nested: the outer one commits
        List<Runnable> queued = new ArrayList<>();
        pending.set(queued);
        T result;
        try {
            result = dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        } finally {
            pending.remove();
        }
        queued.forEach(Runnable::run);
        return result;
    }

    public void writeVoid(java.util.function.Consumer<DSLContext> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Runs {@code action} once the write transaction of this thread commits (never if it rolls
     * back), or now when no transaction is open: listeners never see a change that did not happen.
     */
    public void afterCommit(Runnable action) {
        List<Runnable> queued = pending.get();
        if (queued == null) action.run();
        else queued.add(action);
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} (a new file): SQLite's
     * {@code VACUUM INTO}, which reads everything in one read transaction, so it is one moment's
     * state while writers carry on beside it (WAL), and never starts over as the page-by-page
     * online backup does when a writer changes a page it has copied. The copy is compact and whole.
     */
    public void snapshotTo(Path target) {
        // Plain JDBC: jOOQ has no VACUUM, and this is the database's own upkeep, not a feature's SQL.
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("VACUUM INTO ?")) {
            st.setString(1, target.toAbsolutePath().toString());
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the database to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
