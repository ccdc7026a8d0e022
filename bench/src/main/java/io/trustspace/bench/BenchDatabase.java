package io.trustspace.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh PostgreSQL for one driver run: the node's embedded server (zonky binaries, {@code fsync} and
 * {@code synchronous_commit} on, exactly as a node runs it) in a temporary directory, migrated with the app's Flyway
 * migrations, behind a HikariCP pool. {@link #close()} stops the server and deletes the directory.
 */
final class BenchDatabase implements AutoCloseable {

    private final Path directory;
    private final EmbeddedPostgresServer server;
    private final HikariDataSource dataSource;

    private BenchDatabase(Path directory, EmbeddedPostgresServer server, HikariDataSource dataSource) {
        this.directory = directory;
        this.server = server;
        this.dataSource = dataSource;
    }

    static BenchDatabase start(int poolSize) {
        Path directory;
        try {
            directory = Files.createTempDirectory("trustspace-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("postgres"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.ensureDatabase("bench"));
        config.setUsername(server.user());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("bench");
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new BenchDatabase(directory, server, dataSource);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The single number a query such as {@code SELECT count(*) …} returns. */
    long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** PostgreSQL's own setting, to print alongside the numbers (fsync, synchronous_commit, …). */
    String setting(String name) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
        server.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
