package io.trustspace.app.keys;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.keys.Jwks;
import io.trustspace.crypto.keys.KeySealer;
import io.trustspace.crypto.keys.PemKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * This node's signing keys: generated on first start, sealed at rest with the node passphrase, rotatable, with
 * retired keys kept for verifying what they signed. Key ids are RFC 7638 JWK thumbprints (over the suite hash).
 *
 * <p>Thread-safe; the active private key is held in memory only while the node runs.
 */
public final class NodeKeys {

    /** Sealed with the key store's KEK; opening it proves the passphrase before any key is touched. */
    private static final byte[] CHECK_PLAINTEXT = "trustspace key store".getBytes(StandardCharsets.UTF_8);

    private static final String KDF = "pbkdf2-hmac-sha256";

    /** A public key of this node, as published (DID document, node info). */
    public record PublicNodeKey(
            String kid,
            SignatureAlgorithm algorithm,
            PublicKey publicKey,
            StoredKey.KeyStatus status,
            Instant createdAt,
            Instant retiredAt) {}

    private record ActiveKey(PublicNodeKey publicKey, PrivateKey privateKey) {}

    private final JdbcNodeKeyStore store;
    private final CryptoSuite suite;
    private final KeySealer sealer;
    private final Clock clock;
    private volatile ActiveKey active;

    private NodeKeys(JdbcNodeKeyStore store, CryptoSuite suite, KeySealer sealer, Clock clock) {
        this.store = store;
        this.suite = suite;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Opens the node's key store, creating it and the first signing key on first use.
     *
     * @throws KeyStoreException when the passphrase is wrong or the store was created for another suite
     */
    public static NodeKeys open(
            JdbcNodeKeyStore store, CryptoSuite suite, char[] passphrase, SecureRandom random, Clock clock) {
        KeySealer sealer = new KeySealer(passphrase, suite.aeadAlgorithm(), random);
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
        if (!(sealer.open(header.checkValue()).isOk())) {
            throw new KeyStoreException(
                    "the key passphrase does not open this node's key store (TRUSTSPACE_KEY_PASSPHRASE)");
        }
        NodeKeys keys = new NodeKeys(store, suite, sealer, clock);
        keys.active = store.active().map(keys::unseal).orElseGet(keys::generate);
        return keys;
    }

    /** The key this node signs with now. */
    public PublicNodeKey activeKey() {
        return active.publicKey();
    }

    /** Signs with the active key; returns the key id with the signature so verifiers can pick the key. */
    public Signature sign(byte[] message) {
        ActiveKey key = active;
        return new Signature(key.publicKey().kid(), suite.sign(key.privateKey(), message));
    }

    /** A signature and the id of the key that made it. */
    public record Signature(String kid, byte[] value) {}

    /** All keys, active and retired, oldest first. */
    public List<PublicNodeKey> all() {
        return store.all().stream().map(this::publicPart).toList();
    }

    public Optional<PublicNodeKey> find(String kid) {
        return all().stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    /** Makes a new active key; the previous one is retired but stays resolvable. */
    public synchronized PublicNodeKey rotate() {
        active = generate();
        return active.publicKey();
    }

    /** Re-reads the active key, e.g. after another process (the CLI) rotated it. */
    public void refresh() {
        store.active().map(this::unseal).ifPresent(key -> active = key);
    }

    private ActiveKey generate() {
        KeyPair pair = suite.generateSigningKeyPair();
        Instant now = clock.instant();
        String kid = Jwks.thumbprint(pair.getPublic(), suite);
        StoredKey stored = new StoredKey(
                kid,
                suite.signatureAlgorithm(),
                PemKeys.writePublicKey(pair.getPublic()),
                sealer.seal(pair.getPrivate()).encode(),
                StoredKey.KeyStatus.ACTIVE,
                now,
                null);
        store.activate(stored, now);
        return new ActiveKey(publicPart(stored), pair.getPrivate());
    }

    private ActiveKey unseal(StoredKey stored) {
        Result<PrivateKey> opened = sealer.openPrivateKey(stored.sealedPrivate());
        if (!(opened instanceof Result.Ok<PrivateKey> ok)) {
            throw new KeyStoreException(
                    "cannot open key " + stored.kid() + ": " + ((Result.Failure<PrivateKey>) opened).reason());
        }
        return new ActiveKey(publicPart(stored), ok.value());
    }

    private PublicNodeKey publicPart(StoredKey stored) {
        PublicKey publicKey = PemKeys.readPublicKey(stored.publicKeyPem()).orElseThrow();
        return new PublicNodeKey(
                stored.kid(), stored.algorithm(), publicKey, stored.status(), stored.createdAt(), stored.retiredAt());
    }
}
