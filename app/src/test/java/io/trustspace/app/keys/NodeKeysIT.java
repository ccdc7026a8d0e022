package io.trustspace.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.testing.TestDatabases;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.SuiteId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The node key store against real PostgreSQL: the embedded server always, and the external server when CI provides
 * one (TRUSTSPACE_TEST_EXTERNAL_DB_URL).
 */
class NodeKeysIT {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    static Stream<TestDatabases.Target> databases() {
        return TestDatabases.all();
    }

    private static HikariDataSource migrated(TestDatabases.Target target) {
        HikariDataSource dataSource = target.dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    private static NodeKeys open(HikariDataSource dataSource, SuiteId suite, char[] passphrase) {
        return NodeKeyring.unlock(
                        new JdbcTransactions(dataSource),
                        CryptoSuites.of(suite),
                        passphrase,
                        new SecureRandom(),
                        Clock.systemUTC())
                .keys(KeyPurpose.SIGNING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void firstOpen_generatesOneKey_andReopenKeepsIt(TestDatabases.Target target) {
        try (HikariDataSource dataSource = migrated(target)) {
            NodeKeys first = open(dataSource, SuiteId.GM, PASSPHRASE);
            NodeKeys again = open(dataSource, SuiteId.GM, PASSPHRASE);
            assertThat(again.activeKey().kid()).isEqualTo(first.activeKey().kid());
            assertThat(again.activeKey().algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
            assertThat(again.all()).hasSize(1);

            byte[] message = "signed before restart".getBytes(StandardCharsets.UTF_8);
            NodeKeys.Signature signature = first.sign(message);
            CryptoSuite gm = CryptoSuites.of(SuiteId.GM);
            assertThat(gm.verify(again.activeKey().publicKey(), message, signature.value()))
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void privateKeys_areSealedAtRest(TestDatabases.Target target) throws Exception {
        try (HikariDataSource dataSource = migrated(target)) {
            open(dataSource, SuiteId.INTL, PASSPHRASE);
            try (Connection connection = dataSource.getConnection();
                    Statement select = connection.createStatement();
                    ResultSet row = select.executeQuery("SELECT sealed_private FROM node_key")) {
                assertThat(row.next()).isTrue();
                String sealed = row.getString(1);
                assertThat(sealed).doesNotContain("PRIVATE KEY").doesNotContain(new String(PASSPHRASE));
                // PKCS#8 of Ed25519 starts with 302e020100300506032b6570: its base64 must not appear in the clear.
                assertThat(sealed)
                        .doesNotContain(Base64.getEncoder()
                                .encodeToString(java.util.HexFormat.of().parseHex("302e020100300506032b6570")));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void wrongPassphrase_isRefusedWithoutEchoingIt(TestDatabases.Target target) {
        try (HikariDataSource dataSource = migrated(target)) {
            open(dataSource, SuiteId.INTL, PASSPHRASE);
            assertThatThrownBy(() -> open(dataSource, SuiteId.INTL, "guess-123".toCharArray()))
                    .isInstanceOf(KeyStoreException.class)
                    .hasMessageContaining("passphrase does not open")
                    .hasMessageNotContaining("guess-123");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anotherSuite_isRefused(TestDatabases.Target target) {
        try (HikariDataSource dataSource = migrated(target)) {
            open(dataSource, SuiteId.INTL, PASSPHRASE);
            assertThatThrownBy(() -> open(dataSource, SuiteId.GM, PASSPHRASE))
                    .isInstanceOf(KeyStoreException.class)
                    .hasMessageContaining("created for the intl suite");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rotate_retiresTheOldKey_whichStaysForVerification(TestDatabases.Target target) {
        try (HikariDataSource dataSource = migrated(target)) {
            NodeKeys keys = open(dataSource, SuiteId.INTL, PASSPHRASE);
            String oldKid = keys.activeKey().kid();
            byte[] message = "before rotation".getBytes(StandardCharsets.UTF_8);
            byte[] oldSignature = keys.sign(message).value();

            NodeKeys.PublicNodeKey next = keys.rotate();

            assertThat(next.kid()).isNotEqualTo(oldKid);
            assertThat(keys.sign(message).kid()).isEqualTo(next.kid());
            NodeKeys reopened = open(dataSource, SuiteId.INTL, PASSPHRASE);
            assertThat(reopened.activeKey().kid()).isEqualTo(next.kid());
            NodeKeys.PublicNodeKey retired = reopened.find(oldKid).orElseThrow();
            assertThat(retired.status()).isEqualTo(StoredKey.KeyStatus.RETIRED);
            assertThat(retired.retiredAt()).isNotNull();
            assertThat(CryptoSuites.of(SuiteId.INTL).verify(retired.publicKey(), message, oldSignature))
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentRotations_leaveExactlyOneActiveKey(TestDatabases.Target target) throws Exception {
        try (HikariDataSource dataSource = migrated(target)) {
            NodeKeys keys = open(dataSource, SuiteId.INTL, PASSPHRASE);
            NodeKeys other = open(dataSource, SuiteId.INTL, PASSPHRASE);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> rotations = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    NodeKeys rotating = i % 2 == 0 ? keys : other;
                    rotations.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    go.await(10, TimeUnit.SECONDS);
                                    rotating.rotate();
                                    return true;
                                } catch (KeyStoreException lostTheRace) {
                                    return false;
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return false;
                                }
                            },
                            pool));
                }
                go.countDown();
                long succeeded =
                        rotations.stream().filter(CompletableFuture::join).count();
                List<NodeKeys.PublicNodeKey> all =
                        open(dataSource, SuiteId.INTL, PASSPHRASE).all();
                assertThat(all.stream().filter(key -> key.status() == StoredKey.KeyStatus.ACTIVE))
                        .hasSize(1);
                assertThat(all).hasSize(1 + (int) succeeded);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
