package io.trustspace.app.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.db.EmbeddedPostgresServer;
import io.trustspace.app.db.NodeDatabase;
import io.trustspace.app.did.JdbcNodeSettings;
import io.trustspace.app.evidence.NodeEvidenceSigner;
import io.trustspace.app.keys.KeyPurpose;
import io.trustspace.app.keys.KeyRotation;
import io.trustspace.app.keys.KeyStoreException;
import io.trustspace.app.keys.NodeKeyring;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.jdbc.JdbcEvidenceOutbox;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A node's key store, offline: list keys, rotate the signing key. Works on the node's database directly (external by
 * TRUSTSPACE_DB_URL, else the embedded server under --data-dir, used in place when a node is running on it).
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "List or rotate a node's signing keys.",
        subcommands = {KeysCommand.ListKeys.class, KeysCommand.Rotate.class})
public final class KeysCommand {

    /** An unlocked key store of a node, with what rotation needs to record its evidence. */
    record Opened(JdbcTransactions transactions, NodeKeyring keyring, CryptoSuite suite) {
        NodeKeys signing() {
            return keyring.keys(KeyPurpose.SIGNING);
        }

        /**
         * Rotation as the node itself does it: evidence signed as the node goes into its outbox in the same
         * transaction; the running node's appender delivers it.
         */
        KeyRotation rotation() {
            String did = new JdbcNodeSettings(transactions)
                    .get(JdbcNodeSettings.DID)
                    .orElseThrow(() -> new CliException(
                            "the node has never started, so its DID is unknown;" + " start it once before rotating"));
            NodeKeys keys = signing();
            EvidenceRecorder recorder = new EvidenceRecorder(
                    transactions,
                    new JdbcEvidenceOutbox(transactions),
                    new NodeEvidenceSigner(did, keys),
                    suite,
                    Clock.systemUTC(),
                    () -> UUID.randomUUID().toString(),
                    () -> {});
            return new KeyRotation(transactions, keys, recorder, did);
        }
    }

    static final class Target {
        @Option(names = "--node", required = true, description = "Node name (operator, provider, consumer, …).")
        String node;

        @Option(
                names = "--data-dir",
                defaultValue = "./data",
                description = "Embedded PostgreSQL data (the demo's: data/demo-intl).")
        Path dataDir;

        @Option(names = "--suite", defaultValue = "intl", description = "intl or gm: the suite the node's keys use.")
        String suite;

        @Mixin
        PassphraseSource passphrase;

        /** Opens the node's key store, runs {@code action}, and releases everything it started. */
        <T> T withKeys(Function<Opened, T> action) {
            String url = System.getenv("TRUSTSPACE_DB_URL");
            EmbeddedPostgresServer started = null;
            HikariConfig config = new HikariConfig();
            config.setMaximumPoolSize(2);
            if (url != null && !url.isBlank()) {
                config.setJdbcUrl(url);
                config.setUsername(System.getenv("TRUSTSPACE_DB_USER"));
                config.setPassword(System.getenv("TRUSTSPACE_DB_PASSWORD"));
            } else {
                Path postgresDir = dataDir.resolve("postgres");
                Optional<Integer> running = EmbeddedPostgresServer.runningPort(postgresDir);
                String database = NodeDatabase.databaseName(node);
                if (running.isPresent()) {
                    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + running.get() + "/" + database);
                } else {
                    started = EmbeddedPostgresServer.start(postgresDir);
                    config.setJdbcUrl(started.ensureDatabase(database));
                }
                config.setUsername("postgres");
            }
            char[] secret = passphrase.read("key passphrase of node " + node, dataDir.resolve("demo-passphrase"));
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                Flyway.configure().dataSource(dataSource).load().migrate();
                JdbcTransactions transactions = new JdbcTransactions(dataSource);
                CryptoSuite cryptoSuite = CryptoSuites.of(SuiteId.parse(suite));
                NodeKeyring keyring =
                        NodeKeyring.unlock(transactions, cryptoSuite, secret, new SecureRandom(), Clock.systemUTC());
                return action.apply(new Opened(transactions, keyring, cryptoSuite));
            } catch (KeyStoreException e) {
                throw new CliException(e.getMessage());
            } finally {
                Arrays.fill(secret, '\0');
                if (started != null) {
                    started.close();
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the node's keys.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            target.withKeys(opened -> {
                opened.signing()
                        .all()
                        .forEach(key -> spec.commandLine()
                                .getOut()
                                .printf(
                                        "%-44s %-8s %-8s created %s%s%n",
                                        key.kid(),
                                        key.algorithm(),
                                        key.status(),
                                        key.createdAt(),
                                        key.retiredAt() == null ? "" : ", retired " + key.retiredAt()));
                return null;
            });
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = {
                "Make a new active signing key; the old one is retired and stays for verifying its past signatures."
            })
    static final class Rotate implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            NodeKeys.PublicNodeKey key =
                    target.withKeys(opened -> opened.rotation().rotate().active());
            spec.commandLine().getOut().println("new active key " + key.kid() + " (" + key.algorithm() + ")");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
