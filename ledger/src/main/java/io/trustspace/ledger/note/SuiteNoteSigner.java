package io.trustspace.ledger.note;

import io.trustspace.crypto.CryptoSuite;
import java.security.KeyPair;
import java.security.PrivateKey;

/**
 * Signs note texts with a suite's signing key: Ed25519 (type 0x01) in intl, SM2 (type 0xff, see
 * {@link NoteKeyType#SM2_SM3}) in gm. This is how the ledger signs checkpoints.
 *
 * <p>Immutable and thread-safe (the suite is).
 */
public final class SuiteNoteSigner implements NoteSigner {

    private final NoteKey key;
    private final int keyId;
    private final PrivateKey privateKey;
    private final CryptoSuite suite;

    private SuiteNoteSigner(NoteKey key, PrivateKey privateKey, CryptoSuite suite) {
        this.key = key;
        this.keyId = key.keyId();
        this.privateKey = privateKey;
        this.suite = suite;
    }

    /**
     * A signer named {@code name} (for a log: its checkpoint origin) for {@code keys}, a key pair of the suite's
     * signature algorithm.
     */
    public static SuiteNoteSigner create(String name, KeyPair keys, CryptoSuite suite) {
        NoteKeyType type = NoteKeyType.forLogKey(suite.signatureAlgorithm());
        return new SuiteNoteSigner(NoteKey.of(name, type, keys.getPublic()), keys.getPrivate(), suite);
    }

    /** The public note key, to publish as a verifier key. */
    public NoteKey key() {
        return key;
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] noteText) {
        return suite.sign(privateKey, noteText);
    }
}
