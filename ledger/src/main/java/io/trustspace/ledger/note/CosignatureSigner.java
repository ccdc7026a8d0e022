package io.trustspace.ledger.note;

import io.trustspace.crypto.CryptoSuite;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;

/**
 * A witness's c2sp.org/tlog-cosignature v1 signer (type 0x04): an Ed25519 signature over
 * {@code "cosignature/v1\ntime <now>\n" || checkpoint}, stating that at that time this checkpoint was the largest
 * consistent tree the witness had seen for the log. The witness must check consistency with what it saw before
 * calling {@link #sign}; this class only produces the bytes.
 *
 * <p>The suite must sign Ed25519 (intl); C2SP defines cosignatures for Ed25519 and ML-DSA-44 only. Immutable and
 * thread-safe. Time comes from the injected clock.
 */
public final class CosignatureSigner implements NoteSigner {

    private final NoteKey key;
    private final int keyId;
    private final PrivateKey privateKey;
    private final CryptoSuite suite;
    private final Clock clock;

    private CosignatureSigner(NoteKey key, PrivateKey privateKey, CryptoSuite suite, Clock clock) {
        this.key = key;
        this.keyId = key.keyId();
        this.privateKey = privateKey;
        this.suite = suite;
        this.clock = clock;
    }

    /** A cosigner named {@code name} (a schema-less URL identifying the witness) with an Ed25519 key pair. */
    public static CosignatureSigner create(String name, KeyPair ed25519Keys, CryptoSuite suite, Clock clock) {
        return new CosignatureSigner(
                NoteKey.of(name, NoteKeyType.COSIGNATURE_V1, ed25519Keys.getPublic()),
                ed25519Keys.getPrivate(),
                suite,
                clock);
    }

    /** The public cosigner key, to publish as a verifier key. */
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

    /**
     * @throws IllegalArgumentException if {@code noteText} is not a checkpoint: cosignatures only ever sign those
     */
    @Override
    public byte[] sign(byte[] noteText) {
        if (!Checkpoint.parse(new String(noteText, StandardCharsets.UTF_8)).isOk()) {
            throw new IllegalArgumentException("a cosignature signs a checkpoint, and this note text is not one");
        }
        long timestamp = clock.instant().getEpochSecond();
        if (timestamp < 0) {
            throw new IllegalStateException("clock is before 1970: " + clock.instant());
        }
        byte[] signature = suite.sign(privateKey, Cosignature.signedMessage(timestamp, noteText));
        return ByteBuffer.allocate(Cosignature.TIMESTAMP_LENGTH + signature.length)
                .putLong(timestamp)
                .put(signature)
                .array();
    }
}
