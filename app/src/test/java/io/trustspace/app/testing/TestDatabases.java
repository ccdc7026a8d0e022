package io.trustspace.app.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, and, when CI exports
 * {@code TRUSTSPACE_TEST_EXTERNAL_DB_URL}, the external server too. Every test gets a database of its own.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgresServer embedded;

    private TestDatabases() {}

    /** A JDBC target: URL, user, password. */
    public record Target(String label, String url, String user, String password) {
        public HikariDataSource dataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(8);
            return new HikariDataSource(config);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static synchronized EmbeddedPostgresServer embeddedServer() {
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("trustspace-test-pg");
                embedded = EmbeddedPostgresServer.start(dir.resolve("postgres"));
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded;
    }

    /** A new, empty database on the embedded server. */
    public static Target freshEmbedded() {
        EmbeddedPostgresServer server = embeddedServer();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        return new Target("embedded", server.ensureDatabase(name), server.user(), null);
    }

    /** A new, empty database on the external server, if CI provides one. */
    public static java.util.Optional<Target> freshExternal() {
        String url = System.getenv("TRUSTSPACE_TEST_EXTERNAL_DB_URL");
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        String user = System.getenv().getOrDefault("TRUSTSPACE_TEST_EXTERNAL_DB_USER", "postgres");
        String password = System.getenv("TRUSTSPACE_TEST_EXTERNAL_DB_PASSWORD");
        String name = "x" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + url + ": " + e.getMessage(), e);
        }
        String fresh = url.substring(0, url.lastIndexOf('/') + 1) + name;
        return java.util.Optional.of(new Target("external", fresh, user, password));
    }

    /**
     * A new database with the application's migrations applied: on the external server when CI provides one,
     * otherwise on the embedded one. The caller closes it.
     */
    public static HikariDataSource migrated() {
        HikariDataSource dataSource =
                freshExternal().orElseGet(TestDatabases::freshEmbedded).dataSource();
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** Every server available to this run: always the embedded one, plus the external one in CI. */
    public static Stream<Target> all() {
        List<Target> targets = new ArrayList<>();
        targets.add(freshEmbedded());
        freshExternal().ifPresent(targets::add);
        return targets.stream();
    }
}
