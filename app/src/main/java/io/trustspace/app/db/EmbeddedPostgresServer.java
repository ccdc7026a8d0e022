package io.trustspace.app.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server a node uses when no external database is configured: the zonky binaries, data kept under
 * a directory of ours so that it survives restarts.
 *
 * <p>A JVM killed with {@code kill -9} leaves its postmaster running and holding the data directory; {@link #start}
 * stops such an orphan first (PostgreSQL then recovers from its WAL), so a restart always continues where the last
 * run stopped.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    /** Null when this process uses a server another process runs ({@link #shared}). */
    private final EmbeddedPostgres postgres;

    private final int port;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, Path dataDirectory) {
        this.postgres = postgres;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /**
     * The server another live process runs on {@code dataDirectory} (a demo split across processes), used without
     * owning it — {@link #close} leaves it running — or, when none runs, a new one this process owns. A server left
     * behind by a killed process counts as running: it still serves the processes that live on.
     */
    public static EmbeddedPostgresServer shared(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return runningPort(absolute)
                .map(port -> {
                    log.info("using the embedded PostgreSQL already running on 127.0.0.1:{} for {}", port, absolute);
                    return new EmbeddedPostgresServer(null, port, absolute);
                })
                .orElseGet(() -> start(absolute));
    }

    /** Starts (initialising on first use) the server whose data lives in {@code dataDirectory}. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Path absolute = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(absolute);
            stopOrphan(absolute);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Whoever started the server stops it (a node's context, the demo, the keys command) after
                    // the nodes on it stopped; the library's own JVM hook would stop it concurrently, under them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Durable and crash-safe as before; tuned for many small transactions: concurrent commits share
                    // one WAL flush, and rarer checkpoints mean fewer full-page images in the WAL.
                    .setServerConfig("commit_delay", "200")
                    .setServerConfig("commit_siblings", "4")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setOutputRedirector(Redirect.appendTo(
                            absolute.resolveSibling("postgres.log").toFile()))
                    .setErrorRedirector(Redirect.appendTo(
                            absolute.resolveSibling("postgres.log").toFile()))
                    .start();
            log.info("embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), absolute);
            return new EmbeddedPostgresServer(postgres, postgres.getPort(), absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * If the postmaster of an earlier, killed run still holds the directory, asks it to shut down and waits.
     * postmaster.pid's first line is the pid; a pid that is gone or not a postgres process is left alone.
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()
                || !handle.get()
                        .info()
                        .command()
                        .map(c -> c.endsWith("postgres"))
                        .orElse(false)) {
            return;
        }
        log.warn("stopping the PostgreSQL server (pid {}) left running by an earlier run", pid);
        ProcessHandle postmaster = handle.get();
        // SIGTERM is PostgreSQL's "smart" shutdown; the dead JVM's sessions are gone, so it ends promptly.
        postmaster.destroy();
        try {
            postmaster.onExit().get(ORPHAN_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            log.warn(
                    "PostgreSQL (pid {}) did not stop in {}; killing it, it will recover from WAL",
                    pid,
                    ORPHAN_STOP_WAIT);
            postmaster.destroyForcibly();
            postmaster
                    .onExit()
                    .orTimeout(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                    .join();
        }
    }

    /**
     * The port of a server that is running on {@code dataDirectory} right now (started by a live node), read from
     * postmaster.pid, so that offline tools can use a running demo's databases instead of starting a second server.
     */
    public static Optional<Integer> runningPort(Path dataDirectory) {
        Path pidFile = dataDirectory.toAbsolutePath().normalize().resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates the database if it does not exist yet (idempotent) and returns its JDBC URL. */
    public String ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        DataSource admin = postgres != null ? postgres.getPostgresDatabase() : administration();
        try (Connection connection = admin.getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + name);
                    }
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another node created it first
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The superuser the embedded server is initialised with; it listens on loopback only. */
    public String user() {
        return "postgres";
    }

    private DataSource administration() {
        org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl(jdbcUrl("postgres"));
        source.setUser(user());
        return source;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
