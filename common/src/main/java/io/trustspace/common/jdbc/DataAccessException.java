package io.trustspace.common.jdbc;

import java.sql.SQLException;

/** A database call failed. {@link #sqlState()} lets adapters translate constraint violations into results. */
public final class DataAccessException extends RuntimeException {

    public DataAccessException(String message, SQLException cause) {
        super(message, cause);
    }

    /** The SQLState of the underlying failure (e.g. 23505 unique violation), or null. */
    public String sqlState() {
        return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }

    public boolean isUniqueViolation() {
        return "23505".equals(sqlState());
    }
}
