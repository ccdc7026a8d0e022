package io.trustspace.ledger.note;

import io.trustspace.crypto.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The C2SP signed-note signature types TrustSpace signs and verifies, with the identifier bytes that go into key IDs
 * and verifier keys.
 *
 * <ul>
 *   <li>{@link #ED25519}: {@code 0x01}, Ed25519 over the note text (c2sp.org/signed-note). The intl suite's log key.
 *   <li>{@link #COSIGNATURE_V1}: {@code 0x04}, timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature).
 *   <li>{@link #SM2_SM3}: the gm suite's log key. signed-note assigns no byte to SM2, and reserves {@code 0xff} for
 *       types without one, followed by "a longer identifier that is unlikely to collide". TrustSpace uses
 *       {@code 0xff || "trustspace.io/sm2-sm3" || 0x0a}: the newline ends the label, so no other label can be a
 *       prefix-extension of it. The signature is the DER-encoded SM2 signature with SM3 and the GB/T 32918 default
 *       user id {@code 1234567812345678} over the note text; the public key is the 65-byte uncompressed point
 *       {@code 04 || X || Y}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public enum NoteKeyType {
    ED25519(new byte[] {0x01}, SignatureAlgorithm.ED25519, 32),
    COSIGNATURE_V1(new byte[] {0x04}, SignatureAlgorithm.ED25519, 32),
    SM2_SM3(sm2Identifier(), SignatureAlgorithm.SM2_SM3, 65);

    private final byte[] identifier;
    private final SignatureAlgorithm algorithm;
    private final int publicKeyLength;

    NoteKeyType(byte[] identifier, SignatureAlgorithm algorithm, int publicKeyLength) {
        this.identifier = identifier;
        this.algorithm = algorithm;
        this.publicKeyLength = publicKeyLength;
    }

    /** The signature type identifier: one byte, or {@code 0xff} and a label for {@link #SM2_SM3}. */
    public byte[] identifier() {
        return identifier.clone();
    }

    /** The algorithm whose public keys this type carries. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The length of the public key encoding that follows the identifier. */
    public int publicKeyLength() {
        return publicKeyLength;
    }

    /** The note type a log signs checkpoints with when its suite signs with {@code algorithm}. */
    public static NoteKeyType forLogKey(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> ED25519;
            case SM2_SM3 -> SM2_SM3;
            case ES256 ->
                throw new IllegalArgumentException(
                        "ES256 note signatures (type 0x02) are not supported; sign checkpoints with Ed25519 or SM2");
        };
    }

    /** The type whose identifier starts {@code typeAndKey}, if any. */
    static Optional<NoteKeyType> identifiedBy(byte[] typeAndKey) {
        for (NoteKeyType type : values()) {
            if (typeAndKey.length >= type.identifier.length
                    && Arrays.equals(
                            typeAndKey, 0, type.identifier.length, type.identifier, 0, type.identifier.length)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static byte[] sm2Identifier() {
        byte[] label = "trustspace.io/sm2-sm3\n".getBytes(StandardCharsets.US_ASCII);
        byte[] identifier = new byte[1 + label.length];
        identifier[0] = (byte) 0xff;
        System.arraycopy(label, 0, identifier, 1, label.length);
        return identifier;
    }
}
