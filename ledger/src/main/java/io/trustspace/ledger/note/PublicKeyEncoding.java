package io.trustspace.ledger.note;

import io.trustspace.common.Result;
import io.trustspace.crypto.SignatureAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Converts between JCA public keys and the raw encodings signed-note key IDs are computed over: the 32-byte RFC 8032
 * key for Ed25519 and the 65-byte uncompressed point for SM2 (the same raw forms the crypto module's key types use).
 *
 * <p>Only JCA interfaces are used, so any provider's keys work. Decoding an SM2 key needs a provider that knows the
 * sm2p256v1 curve (Bouncy Castle); callers that hold the {@link PublicKey} already should pass it instead of
 * decoding. Stateless and thread-safe.
 */
final class PublicKeyEncoding {

    /** DER of SubjectPublicKeyInfo up to the key bits, for id-Ed25519 (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** DER of SubjectPublicKeyInfo up to the point, for id-ecPublicKey with sm2p256v1 (1.2.156.10197.1.301). */
    private static final byte[] SM2_SPKI_PREFIX =
            HexFormat.of().parseHex("3059301306072a8648ce3d020106082a811ccf5501822d034200");

    private static final int COORDINATE_LENGTH = 32;

    private PublicKeyEncoding() {}

    /** The raw encoding of {@code key} for {@code type}; throws if the key is of another algorithm. */
    static byte[] encode(NoteKeyType type, PublicKey key) {
        return switch (type.algorithm()) {
            case ED25519 -> {
                byte[] spki = key.getEncoded();
                if (spki == null
                        || spki.length != ED25519_SPKI_PREFIX.length + 32
                        || !Arrays.equals(
                                spki,
                                0,
                                ED25519_SPKI_PREFIX.length,
                                ED25519_SPKI_PREFIX,
                                0,
                                ED25519_SPKI_PREFIX.length)) {
                    throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
                }
                yield Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
            }
            case SM2_SM3 -> {
                if (!(key instanceof ECPublicKey ec)) {
                    throw new IllegalArgumentException("not an SM2 public key: " + key.getAlgorithm());
                }
                byte[] raw = new byte[1 + 2 * COORDINATE_LENGTH];
                raw[0] = 0x04;
                copyUnsigned(ec.getW().getAffineX(), raw, 1);
                copyUnsigned(ec.getW().getAffineY(), raw, 1 + COORDINATE_LENGTH);
                yield raw;
            }
            case ES256 -> throw new IllegalArgumentException("ES256 keys are not note keys");
        };
    }

    /** The JCA key for a raw encoding, from the first installed provider that can decode it. */
    static Result<PublicKey> decode(NoteKeyType type, byte[] raw) {
        boolean ed25519 = type.algorithm() == SignatureAlgorithm.ED25519;
        byte[] prefix = ed25519 ? ED25519_SPKI_PREFIX : SM2_SPKI_PREFIX;
        byte[] spki = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, spki, prefix.length, raw.length);
        String algorithm = ed25519 ? "Ed25519" : "EC";
        Provider[] providers = Security.getProviders("KeyFactory." + algorithm);
        if (providers != null) {
            for (Provider provider : providers) {
                try {
                    return Result.ok(
                            KeyFactory.getInstance(algorithm, provider).generatePublic(new X509EncodedKeySpec(spki)));
                } catch (GeneralSecurityException | RuntimeException e) {
                    // This provider does not know the curve or rejects the point; try the next one.
                }
            }
        }
        return Result.invalid("no installed security provider accepts this " + type + " public key"
                + (ed25519 ? "" : " (SM2 needs a provider with the sm2p256v1 curve, or pass the PublicKey)"));
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, COORDINATE_LENGTH);
        System.arraycopy(bytes, bytes.length - length, out, offset + COORDINATE_LENGTH - length, length);
    }
}
