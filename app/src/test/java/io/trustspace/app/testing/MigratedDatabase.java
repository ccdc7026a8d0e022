package io.trustspace.app.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database with every migration applied, for one test class, on the external server when CI provides one and
 * the embedded one otherwise; closed after the class:
 *
 * <pre>{@code @RegisterExtension static final MigratedDatabase database = new MigratedDatabase();}</pre>
 */
public final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

    private HikariDataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) {
        dataSource = TestDatabases.migrated();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    public HikariDataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("the database is created before the class's tests, not before");
        }
        return dataSource;
    }

    /** New transactions over this database. */
    public JdbcTransactions transactions() {
        return new JdbcTransactions(dataSource());
    }

    /** Runs {@code sql} in its own connection (set-up and clean-up). */
    public void execute(String sql) {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row {@code sql} returns, or null without rows. */
    public String queryString(String sql) {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
