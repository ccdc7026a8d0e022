package io.trustspace.crypto;

import io.trustspace.common.Result;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * One space's cryptography: hashing, signatures, authenticated encryption and key generation.
 *
 * <p>Implementations are immutable and thread-safe. {@link #newDigest()} returns a fresh, unshared instance.
 *
 * <p>Failures follow one rule: data that comes from outside (a signature, a ciphertext) and does not check out is
 * an expected outcome, reported as {@code false} or a {@link Result.Failure}; a key of the wrong type or length is a
 * programming error and throws {@link IllegalArgumentException}.
 */
public interface CryptoSuite {

    SuiteId id();

    /** A fresh digest of the suite's hash (SHA-256 or SM3, both 32 bytes). Not thread-safe; do not share. */
    MessageDigest newDigest();

    /** The suite hash of the concatenation of {@code parts}. */
    default byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** The algorithm this suite signs with by default (Ed25519 in intl, SM2 in gm). */
    SignatureAlgorithm signatureAlgorithm();

    /** A new key pair for {@link #signatureAlgorithm()}. */
    KeyPair generateSigningKeyPair();

    /** Signs {@code message} with the algorithm the key belongs to (Ed25519 raw, ECDSA/SM2 DER). */
    byte[] sign(PrivateKey key, byte[] message);

    /** True only for a valid signature; malformed signatures and foreign key types are simply invalid. */
    boolean verify(PublicKey key, byte[] message, byte[] signature);

    /** Every algorithm {@link #sign} accepts a key for: {Ed25519, ES256} in intl, {SM2} in gm. */
    Set<SignatureAlgorithm> signatureAlgorithms();

    /**
     * A new key pair for {@code algorithm}.
     *
     * @throws IllegalArgumentException if the algorithm is not one of {@link #signatureAlgorithms()}
     */
    KeyPair generateKeyPair(SignatureAlgorithm algorithm);

    /** The suite's authenticated cipher: AES-256-GCM in intl, SM4-GCM in gm. */
    AeadAlgorithm aeadAlgorithm();

    /** A new random key for {@link #aeadAlgorithm()}. */
    SecretKey generateSecretKey();

    /**
     * Encrypts and authenticates {@code plaintext} under a fresh random nonce, binding {@code associatedData} (which is
     * not encrypted and must be presented again to decrypt). Output: {@code nonce(12) || ciphertext || tag(16)}.
     *
     * <p>Random 96-bit nonces are safe for up to 2^32 messages per key; rotate keys well before that.
     *
     * @throws IllegalArgumentException if the key length does not fit {@link #aeadAlgorithm()}
     */
    byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData);

    /** {@link #encrypt(SecretKey, byte[], byte[])} without associated data. */
    default byte[] encrypt(SecretKey key, byte[] plaintext) {
        return encrypt(key, plaintext, new byte[0]);
    }

    /**
     * Reverses {@link #encrypt(SecretKey, byte[], byte[])}. Truncated, tampered or foreign input, a wrong key or
     * different associated data is an {@code INVALID} failure; no plaintext is released in that case.
     *
     * @throws IllegalArgumentException if the key length does not fit {@link #aeadAlgorithm()}
     */
    Result<byte[]> decrypt(SecretKey key, byte[] nonceCiphertextAndTag, byte[] associatedData);

    /** {@link #decrypt(SecretKey, byte[], byte[])} without associated data. */
    default Result<byte[]> decrypt(SecretKey key, byte[] nonceCiphertextAndTag) {
        return decrypt(key, nonceCiphertextAndTag, new byte[0]);
    }

    /**
     * A new key pair for public-key encryption and key agreement: X25519 in intl, SM2 in gm. Keep it apart from
     * signing keys.
     */
    KeyPair generateEncryptionKeyPair();

    /**
     * Encrypts {@code plaintext} so that only the holder of the private key of {@code recipient} can read it. intl:
     * HPKE (RFC 9180) base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, output {@code enc(32) ||
     * ciphertext || tag(16)}. gm: SM2 encryption (GB/T 32918.4-2016), output {@code C1(65) || C3(32) || C2}.
     *
     * @throws IllegalArgumentException if {@code recipient} is not an encryption key of this suite
     */
    byte[] encryptFor(PublicKey recipient, byte[] plaintext);

    /**
     * Reverses {@link #encryptFor}. Malformed, tampered or foreign ciphertext is an {@code INVALID} failure.
     *
     * @throws IllegalArgumentException if {@code key} is not an encryption key of this suite
     */
    Result<byte[]> decryptWith(PrivateKey key, byte[] ciphertext);
}
