package io.trustspace.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.testing.TestDatabases;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.keys.PemKeys;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.jdbc.JdbcLedgerStore;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteKeyType;
import io.trustspace.ledger.note.SuiteNoteSigner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a process that is appending to the ledger as fast as it can: after a restart the log holds
 * every acknowledged record at the index its receipt named, passes its integrity check (no gap, no fork) and keeps
 * appending.
 */
class LedgerCrashIT {

    private static final CryptoSuite SUITE = CryptoSuites.of(SuiteId.INTL);
    private static final char[] PASS = "crash test".toCharArray();
    private static final String ORIGIN = "crash.test/ledger";

    private static EvidenceLog open(String url, String user, KeyPair logKey) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        Flyway.configure().dataSource(dataSource).load().migrate();
        NoteKey key = NoteKey.of(ORIGIN, NoteKeyType.ED25519, logKey.getPublic());
        return new EvidenceLog(
                new JdbcLedgerStore(new JdbcTransactions(dataSource)),
                SUITE,
                SuiteNoteSigner.create(ORIGIN, logKey, SUITE),
                key.verifier(SUITE, logKey.getPublic()),
                ORIGIN,
                evidence -> io.trustspace.common.Result.ok(evidence),
                Clock.systemUTC());
    }

    private static KeyPair readKey(Path dir) throws Exception {
        PrivateKey privateKey = PemKeys.readPrivateKey(Files.readString(dir.resolve("log.key")), PASS)
                .orElseThrow();
        PublicKey publicKey =
                PemKeys.readPublicKey(Files.readString(dir.resolve("log.pub"))).orElseThrow();
        return new KeyPair(publicKey, privateKey);
    }

    /** Child process: appends from 4 threads until killed, printing every acknowledged receipt. */
    public static void main(String[] args) throws Exception {
        KeyPair logKey = readKey(Path.of(args[2]));
        EvidenceLog log = open(args[0], args[1], logKey);
        log.start();
        KeyPair actor = SUITE.generateSigningKeyPair();
        Object printing = new Object();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    EvidenceRecord record = new EvidenceRecord(
                            UUID.randomUUID().toString(),
                            "crash.test",
                            "did:web:crash.test",
                            List.of("urn:crash"),
                            "sha-256:" + "0".repeat(64),
                            Instant.now().truncatedTo(ChronoUnit.MILLIS),
                            null);
                    String jws = Jws.signDetached(SUITE, actor.getPrivate(), "k", Map.of(), record.canonicalJson());
                    Receipt receipt = log.submitVerified(new SignedEvidence(record, jws))
                            .join()
                            .orElseThrow();
                    synchronized (printing) {
                        System.out.println("ACK " + record.id() + " " + receipt.leafIndex());
                        System.out.flush();
                    }
                }
            });
            thread.start();
        }
        Thread.sleep(120_000);
    }

    @Test
    void kill9_whileAppending_losesNoAcknowledgedRecord_andLeavesNoGapOrFork(@TempDir Path dir) throws Exception {
        KeyPair logKey = SUITE.generateSigningKeyPair();
        Files.writeString(
                dir.resolve("log.key"),
                PemKeys.writeEncryptedPrivateKey(logKey.getPrivate(), PASS, new SecureRandom()));
        Files.writeString(dir.resolve("log.pub"), PemKeys.writePublicKey(logKey.getPublic()));
        TestDatabases.Target db = TestDatabases.freshEmbedded();

        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LedgerCrashIT.class.getName(),
                        db.url(),
                        db.user(),
                        dir.toString()))
                .redirectErrorStream(true)
                .start();
        Map<String, Long> acknowledged = new HashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while (acknowledged.size() < 3000 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(parts[1], Long.parseLong(parts[2]));
                }
            }
            child.destroyForcibly(); // kill -9 in the middle of appending
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3000);

        EvidenceLog restarted = open(db.url(), db.user(), logKey);
        restarted.start();
        try {
            assertThat(restarted.failure()).isEmpty();
            long maxAcknowledged = acknowledged.values().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElseThrow();
            assertThat(restarted.size()).isGreaterThan(maxAcknowledged);
            try (HikariDataSource check = db.dataSource()) {
                Map<String, Long> stored =
                        new JdbcLedgerStore(new JdbcTransactions(check)).indicesOf(acknowledged.keySet());
                assertThat(stored).isEqualTo(acknowledged);
            }
            EvidenceRecord next = new EvidenceRecord(
                    "after-restart",
                    "crash.test",
                    "did:web:crash.test",
                    List.of("urn:crash"),
                    "sha-256:" + "1".repeat(64),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    null);
            KeyPair actor = SUITE.generateSigningKeyPair();
            String jws = Jws.signDetached(SUITE, actor.getPrivate(), "k", Map.of(), next.canonicalJson());
            Receipt receipt = restarted
                    .submitVerified(new SignedEvidence(next, jws))
                    .join()
                    .orElseThrow();
            assertThat(receipt.leafIndex()).isEqualTo(restarted.size() - 1);
        } finally {
            restarted.close();
        }
    }
}
