package io.trustspace.app.keys;

import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.keys.KeySealer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A node's unlocked key store: checks the passphrase and the suite once (deriving the sealing key is deliberately
 * slow), then hands out the keys of each {@link KeyPurpose}, creating a purpose's first key on first use.
 *
 * <p>Thread-safe.
 */
public final class NodeKeyring {

    /** Sealed with the key store's KEK; opening it proves the passphrase before any key is touched. */
    private static final byte[] CHECK_PLAINTEXT = "trustspace key store".getBytes(StandardCharsets.UTF_8);

    private static final String KDF = "pbkdf2-hmac-sha256";

    private final JdbcTransactions transactions;
    private final CryptoSuite suite;
    private final KeySealer sealer;
    private final Clock clock;
    private final Map<KeyPurpose, NodeKeys> keys = new EnumMap<>(KeyPurpose.class);

    private NodeKeyring(JdbcTransactions transactions, CryptoSuite suite, KeySealer sealer, Clock clock) {
        this.transactions = transactions;
        this.suite = suite;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Opens the node's key store, creating it on first use.
     *
     * @throws KeyStoreException when the passphrase is wrong or the store was created for another suite
     */
    public static NodeKeyring unlock(
            JdbcTransactions transactions, CryptoSuite suite, char[] passphrase, SecureRandom random, Clock clock) {
        KeySealer sealer = new KeySealer(passphrase, suite.aeadAlgorithm(), random);
        JdbcNodeKeyStore store = new JdbcNodeKeyStore(transactions, KeyPurpose.SIGNING);
        Optional<JdbcNodeKeyStore.StoreHeader> existing = store.header();
        JdbcNodeKeyStore.StoreHeader header = existing.orElseGet(() -> store.createHeader(
                new JdbcNodeKeyStore.StoreHeader(
                        suite.id().label(), KDF, sealer.seal(CHECK_PLAINTEXT).encode()),
                clock.instant()));
        if (!header.suite().equals(suite.id().label())) {
            throw new KeyStoreException("this node's keys were created for the " + header.suite()
                    + " suite, but the node is configured with " + suite.id().label()
                    + "; a space keeps one suite (use a new database to switch)");
        }
        if (!sealer.open(header.checkValue()).isOk()) {
            throw new KeyStoreException(
                    "the key passphrase does not open this node's key store (TRUSTSPACE_KEY_PASSPHRASE)");
        }
        return new NodeKeyring(transactions, suite, sealer, clock);
    }

    /** The keys of one purpose; the first call creates the purpose's first key if there is none. */
    public synchronized NodeKeys keys(KeyPurpose purpose) {
        return keys.computeIfAbsent(
                purpose, p -> NodeKeys.open(new JdbcNodeKeyStore(transactions, p), suiteFor(p), sealer, clock));
    }

    /**
     * A named random secret of this node (e.g. the key of the ID-number HMAC), created on first use and kept sealed
     * like the private keys.
     */
    public synchronized byte[] secret(String name, int length) {
        io.trustspace.app.did.JdbcNodeSettings settings = new io.trustspace.app.did.JdbcNodeSettings(transactions);
        String setting = "secret:" + name;
        java.util.Optional<String> sealed = settings.get(setting);
        if (sealed.isPresent()) {
            io.trustspace.common.Result<byte[]> opened = sealer.open(sealed.get());
            if (opened instanceof io.trustspace.common.Result.Failure<byte[]> failure) {
                throw new KeyStoreException("cannot open the node secret " + name + ": " + failure.reason());
            }
            return opened.orElseThrow();
        }
        byte[] secret = new byte[length];
        new java.security.SecureRandom().nextBytes(secret);
        settings.put(setting, sealer.seal(secret).encode());
        return secret;
    }

    /** Witness cosignatures are Ed25519 by specification (tlog-cosignature), whatever the space's suite. */
    private CryptoSuite suiteFor(KeyPurpose purpose) {
        return purpose == KeyPurpose.WITNESS ? CryptoSuites.of(SuiteId.INTL) : suite;
    }

    public CryptoSuite suite() {
        return suite;
    }
}
