package io.trustspace.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a JVM that runs the embedded server leaves its postmaster behind; the next start must stop that
 * orphan, recover, and still hold every committed row.
 */
class EmbeddedPostgresCrashIT {

    /** Runs in a child JVM: starts the server, commits rows, says READY, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
        String url = server.ensureDatabase("crashtest");
        try (Connection connection = DriverManager.getConnection(url, server.user(), null);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS fact (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO fact SELECT g FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(120_000);
    }

    @Test
    void restartAfterKill9_stopsTheOrphanAndKeepsCommittedData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresCrashIT.class.getName(),
                        data.toString()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY") && System.nanoTime() < deadline);
            assertThat(line).as("child started the server").startsWith("READY");
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long orphan = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).hasValue(true);

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data)) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            try (Connection connection =
                            DriverManager.getConnection(restarted.jdbcUrl("crashtest"), restarted.user(), null);
                    Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT count(*) FROM fact")) {
                assertThat(count.next()).isTrue();
                assertThat(count.getInt(1)).isEqualTo(1000);
            }
        }
    }
}
