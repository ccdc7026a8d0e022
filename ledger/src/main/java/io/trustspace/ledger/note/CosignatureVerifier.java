package io.trustspace.ledger.note;

import io.trustspace.crypto.CryptoSuite;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verifies c2sp.org/tlog-cosignature v1 (type 0x04) cosignatures of one witness. Obtain one from
 * {@link NoteKey#verifier(CryptoSuite)} with a cosignature key; the suite must verify Ed25519 (intl).
 *
 * <p>Signatures that are not exactly 8 + 64 bytes, or whose timestamp exceeds 2^63 - 1, are invalid. Whether a
 * timestamp is fresh enough is policy: read it with {@link #timestamp(byte[])}. Immutable and thread-safe.
 */
public final class CosignatureVerifier implements NoteVerifier {

    private final NoteKey key;
    private final int keyId;
    private final PublicKey publicKey;
    private final CryptoSuite suite;

    CosignatureVerifier(NoteKey key, PublicKey publicKey, CryptoSuite suite) {
        if (key.type() != NoteKeyType.COSIGNATURE_V1) {
            throw new IllegalArgumentException(key.name() + " is not a cosignature key");
        }
        this.key = key;
        this.keyId = key.keyId();
        this.publicKey = publicKey;
        this.suite = suite;
    }

    /** The time a cosignature was made, from its signature bytes (after the key ID); empty if malformed. */
    public static Optional<Instant> timestamp(byte[] signature) {
        return Cosignature.timestamp(signature).map(Cosignature::instant);
    }

    /** The cosigner key this verifier checks. */
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
        Optional<Long> timestamp = Cosignature.timestamp(signature);
        if (timestamp.isEmpty()) {
            return false;
        }
        byte[] ed25519 = Arrays.copyOfRange(signature, Cosignature.TIMESTAMP_LENGTH, signature.length);
        return suite.verify(publicKey, Cosignature.signedMessage(timestamp.get(), noteText), ed25519);
    }
}
