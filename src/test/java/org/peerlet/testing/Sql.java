package org.peerlet.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads (and for a few tests, changes) a Peerlet database straight through JDBC. Not
 * through jOOQ: the jar under test carries a jOOQ shrunk to what Peerlet itself calls.
 */
public final class Sql {
    private Sql() {
    }

    /** The first column of every row. */
    public static List<Object> column(Path dbFile, String sql, Object... binds) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) st.setObject(i + 1, binds[i]);
            List<Object> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(rs.getObject(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Changes rows, as an older version of Peerlet would have left them; returns how many. */
    public static int update(Path dbFile, String sql, Object... binds) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) st.setObject(i + 1, binds[i]);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long number(Path dbFile, String sql, Object... binds) {
        return ((Number) column(dbFile, sql, binds).get(0)).longValue();
    }

    public static String text(Path dbFile, String sql, Object... binds) {
        return (String) column(dbFile, sql, binds).get(0);
    }
}
