package io.trustspace.common.jdbc;

import io.trustspace.common.tx.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link Transactions} over a JDBC {@link DataSource}: the transaction's connection is bound to the calling thread,
 * and JDBC adapters reach it through {@link #withConnection}. Outside a transaction, {@link #withConnection} borrows
 * an auto-commit connection for the one call.
 */
public final class JdbcTransactions implements Transactions {

    /** Work against a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final class Bound {
        final Connection connection;
        final List<Runnable> afterCommit = new ArrayList<>();

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    private final DataSource dataSource;
    private final ThreadLocal<Bound> current = new ThreadLocal<>();

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Bound bound;
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            bound = new Bound(connection);
        } catch (SQLException e) {
            throw new DataAccessException("cannot begin a transaction: " + e.getMessage(), e);
        }
        current.set(bound);
        T result;
        try {
            result = work.get();
            bound.connection.commit();
        } catch (SQLException e) {
            rollback(bound.connection, e);
            throw new DataAccessException("commit failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback(bound.connection, e);
            throw e;
        } finally {
            current.remove();
            close(bound.connection);
        }
        bound.afterCommit.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Bound bound = current.get();
        if (bound == null) {
            action.run();
        } else {
            bound.afterCommit.add(action);
        }
    }

    /** True while the calling thread is inside {@link #inTransaction}. */
    public boolean inTransaction() {
        return current.get() != null;
    }

    /**
     * Runs {@code work} on the current transaction's connection, or on a borrowed auto-commit connection outside a
     * transaction. SQL failures become {@link DataAccessException} carrying the SQLState.
     */
    public <T> T withConnection(SqlWork<T> work) {
        Bound bound = current.get();
        try {
            if (bound != null) {
                return work.apply(bound.connection);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException ignored) {
            // The pool discards a connection it cannot reset; nothing else to do here.
        }
    }
}
