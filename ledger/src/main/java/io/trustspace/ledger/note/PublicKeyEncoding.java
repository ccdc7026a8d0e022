package io.trustspace.ledger.note;

import io.trustspace.common.Result;
import io.trustspace.crypto.KeyType;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Converts between JCA public keys and the raw encodings signed-note key IDs are computed over: the 32-byte RFC 8032
 * key for Ed25519 and the 65-byte uncompressed point for SM2. These are the crypto module's raw forms, so both
 * directions go through {@link KeyType}: decoding uses the suites' own Bouncy Castle provider instance and needs no
 * globally installed provider, which is what lets {@link NoteKey#verifier(io.trustspace.crypto.CryptoSuite)} work for
 * SM2 log keys.
 *
 * <p>Keys of any provider are accepted for encoding. Stateless and thread-safe.
 */
final class PublicKeyEncoding {

    private PublicKeyEncoding() {}

    /** The raw encoding of {@code key} for {@code type}; throws if the key is of another algorithm or curve. */
    static byte[] encode(NoteKeyType type, PublicKey key) {
        KeyType expected = type.algorithm().keyType();
        Optional<KeyType> actual = KeyType.of(key);
        // Compare key types, not just "is an EC key": a P-256 key must not pass for an SM2 one.
        if (actual.isEmpty() || actual.get() != expected) {
            throw new IllegalArgumentException("not an " + expected.jwkCrv() + " public key: "
                    + actual.map(KeyType::jwkCrv).orElse(key.getAlgorithm()));
        }
        return KeyType.rawPublicKey(key);
    }

    /**
     * The JCA key for a raw encoding. A wrong length, a point not on the curve or an invalid Ed25519 point is an
     * {@code INVALID} failure.
     */
    static Result<PublicKey> decode(NoteKeyType type, byte[] raw) {
        return type.algorithm().keyType().publicKey(raw);
    }
}
