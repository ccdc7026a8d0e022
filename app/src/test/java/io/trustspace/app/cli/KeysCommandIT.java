package io.trustspace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.TrustSpace;
import io.trustspace.app.db.EmbeddedPostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trustspace keys list|rotate} against a node's embedded database, started and stopped by the tool. */
class KeysCommandIT {

    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TrustSpace.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void rotate_addsAnActiveKey_andRetiresTheOld() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass"), "keys command passphrase");
        String[] target = {
            "--node", "provider", "--data-dir", dir.toString(), "--suite", "gm", "--passphrase-file", pass.toString()
        };

        String first = run(concat(new String[] {"keys", "list"}, target));
        assertThat(first.lines()).hasSize(1).allMatch(line -> line.contains("SM2_SM3") && line.contains("ACTIVE"));
        String oldKid = first.strip().split("\\s+")[0];
        // A node that ran once has recorded its DID, which its rotation evidence is signed as.
        sql(dir, "INSERT INTO node_setting (name, value) VALUES ('did', 'did:web:provider.example')");

        String rotated = run(concat(new String[] {"keys", "rotate"}, target));
        assertThat(rotated).startsWith("new active key ").doesNotContain(oldKid);

        String after = run(concat(new String[] {"keys", "list"}, target));
        assertThat(after.lines()).hasSize(2);
        assertThat(after.lines().filter(line -> line.startsWith(oldKid))).allMatch(line -> line.contains("RETIRED"));
        // The tool stopped the server it started: nothing keeps the data directory.
        assertThat(EmbeddedPostgresServer.runningPort(dir.resolve("postgres"))).isEmpty();
        // The rotation waits in the outbox, signed as the node, for the node's appender to deliver it.
        assertThat(sql(dir, "SELECT type FROM evidence_outbox WHERE state = 'PENDING'"))
                .isEqualTo("key.rotated");
    }

    /** Runs one statement on the node's embedded database; returns the first column of the first row, if any. */
    private static String sql(Path dir, String statement) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("postgres"));
                java.sql.Connection connection = java.sql.DriverManager.getConnection(
                        server.jdbcUrl("trustspace_provider"), server.user(), null);
                java.sql.Statement query = connection.createStatement()) {
            if (!query.execute(statement)) {
                return null;
            }
            try (java.sql.ResultSet row = query.getResultSet()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
