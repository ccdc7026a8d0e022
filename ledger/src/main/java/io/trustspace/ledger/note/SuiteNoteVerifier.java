package io.trustspace.ledger.note;

import io.trustspace.crypto.CryptoSuite;
import java.security.PublicKey;

/**
 * Verifies note signatures of type Ed25519 (0x01) or SM2 ({@link NoteKeyType#SM2_SM3}) through a crypto suite.
 * Obtain one from {@link NoteKey#verifier(CryptoSuite)}.
 *
 * <p>Immutable and thread-safe (the suite is).
 */
public final class SuiteNoteVerifier implements NoteVerifier {

    private final NoteKey key;
    private final int keyId;
    private final PublicKey publicKey;
    private final CryptoSuite suite;

    SuiteNoteVerifier(NoteKey key, PublicKey publicKey, CryptoSuite suite) {
        if (key.type() == NoteKeyType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("cosignature keys are verified by CosignatureVerifier");
        }
        this.key = key;
        this.keyId = key.keyId();
        this.publicKey = publicKey;
        this.suite = suite;
    }

    /** The note key this verifier checks. */
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
    public boolean verify(byte[] noteText, byte[] signature) {
        return suite.verify(publicKey, noteText, signature);
    }
}
