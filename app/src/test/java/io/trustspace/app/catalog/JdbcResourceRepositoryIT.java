package io.trustspace.app.catalog;

import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.testing.TestDatabases;
import io.trustspace.catalog.jdbc.JdbcResourceRepository;
import io.trustspace.catalog.resource.ResourceRepository;
import io.trustspace.catalog.resource.ResourceRepositoryContract;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The resource repository contract against PostgreSQL (external too, when CI provides one). */
class JdbcResourceRepositoryIT extends ResourceRepositoryContract {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabases.migrated();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected ResourceRepository newRepository() {
        // The contract's fixtures reuse ids and local ids from test to test; each test starts from empty tables.
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE catalog_resource CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JdbcResourceRepository(new JdbcTransactions(dataSource));
    }
}
