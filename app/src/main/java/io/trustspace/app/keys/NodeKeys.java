package io.trustspace.app.keys;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.keys.Jwks;
import io.trustspace.crypto.keys.KeySealer;
import io.trustspace.crypto.keys.PemKeys;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A node's keys of one {@link KeyPurpose}: the first generated on first use, sealed at rest, rotatable, with retired
 * keys kept for verifying what they signed. Key ids are RFC 7638 JWK thumbprints (over the suite hash).
 *
 * <p>Thread-safe; the active private key is held in memory only while the node runs.
 */
public final class NodeKeys {

    /** A public key of this node, as published (DID document, node info). */
    public record PublicNodeKey(
            String kid,
            SignatureAlgorithm algorithm,
            PublicKey publicKey,
            StoredKey.KeyStatus status,
            Instant createdAt,
            Instant retiredAt) {}

    /** A signature and the id of the key that made it. */
    public record Signature(String kid, byte[] value) {}

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

    static NodeKeys open(JdbcNodeKeyStore store, CryptoSuite suite, KeySealer sealer, Clock clock) {
        NodeKeys keys = new NodeKeys(store, suite, sealer, clock);
        keys.active = store.active().map(keys::unseal).orElseGet(keys::generate);
        return keys;
    }

    public KeyPurpose purpose() {
        return store.purpose();
    }

    /** The suite these keys belong to (intl for witness keys, else the space's). */
    public CryptoSuite suite() {
        return suite;
    }

    /** The key this node signs with now. */
    public PublicNodeKey activeKey() {
        return active.publicKey();
    }

    /** The active key with its id, taken together so a concurrent rotation cannot mix them. */
    public record ActiveKeyPair(String kid, KeyPair keyPair) {
        @Override
        public String toString() {
            return "ActiveKeyPair[" + kid + "]";
        }
    }

    /**
     * The active key pair, for signers that need the private key (JWS, checkpoint notes). Never log or serialise
     * it.
     */
    public ActiveKeyPair activeKeyPair() {
        ActiveKey key = active;
        return new ActiveKeyPair(
                key.publicKey().kid(), new KeyPair(key.publicKey().publicKey(), key.privateKey()));
    }

    /** Signs with the active key; returns the key id with the signature so verifiers can pick the key. */
    public Signature sign(byte[] message) {
        ActiveKey key = active;
        return new Signature(key.publicKey().kid(), suite.sign(key.privateKey(), message));
    }

    /** All keys, active and retired, oldest first. */
    public List<PublicNodeKey> all() {
        return store.all().stream().map(this::publicPart).toList();
    }

    public Optional<PublicNodeKey> find(String kid) {
        return all().stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    /**
     * Makes a new active key; the previous one is retired but stays resolvable. Joins the caller's transaction, so
     * the evidence of the rotation can commit with it.
     */
    public synchronized PublicNodeKey rotate() {
        active = generate();
        return active.publicKey();
    }

    /** Re-reads the active key, e.g. after another process (the CLI) rotated it. */
    public void refresh() {
        store.active()
                .filter(stored -> !stored.kid().equals(active.publicKey().kid()))
                .map(this::unseal)
                .ifPresent(key -> active = key);
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
