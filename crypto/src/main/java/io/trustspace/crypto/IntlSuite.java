package io.trustspace.crypto;

import io.trustspace.common.Result;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The intl suite: Ed25519 (default) and ECDSA P-256 signatures, SHA-256, AES-256-GCM, and HPKE with X25519 for
 * public-key encryption. Interoperates with Eclipse EDC and other DSP connectors. Immutable and thread-safe.
 */
public final class IntlSuite implements CryptoSuite {

    private static final Set<SignatureAlgorithm> ALGORITHMS =
            Collections.unmodifiableSet(EnumSet.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ES256));

    private final SecureRandom random;

    public IntlSuite(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SuiteId id() {
        return SuiteId.INTL;
    }

    @Override
    public MessageDigest newDigest() {
        try {
            // The JDK's SHA-256 (mandatory on every Java platform) uses CPU intrinsics where available.
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public SignatureAlgorithm signatureAlgorithm() {
        return SignatureAlgorithm.ED25519;
    }

    @Override
    public Set<SignatureAlgorithm> signatureAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public KeyPair generateSigningKeyPair() {
        return generateKeyPair(signatureAlgorithm());
    }

    @Override
    public KeyPair generateKeyPair(SignatureAlgorithm algorithm) {
        return supported(algorithm).generateKeyPair(random);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(key)
                .orElseThrow(() ->
                        new IllegalArgumentException("intl cannot sign with a " + SignatureAlgorithm.describe(key)));
        return supported(algorithm).sign(key, message, random);
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return SignatureAlgorithm.forKey(key)
                .filter(ALGORITHMS::contains)
                .map(algorithm -> algorithm.verify(key, message, signature))
                .orElse(false);
    }

    @Override
    public AeadAlgorithm aeadAlgorithm() {
        return AeadAlgorithm.AES_256_GCM;
    }

    @Override
    public SecretKey generateSecretKey() {
        return aeadAlgorithm().generateKey(random);
    }

    @Override
    public byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        return aeadAlgorithm().seal(key, plaintext, associatedData, random);
    }

    @Override
    public Result<byte[]> decrypt(SecretKey key, byte[] nonceCiphertextAndTag, byte[] associatedData) {
        return aeadAlgorithm().open(key, nonceCiphertextAndTag, associatedData);
    }

    /** A new X25519 key pair, for {@link #encryptFor} and key agreement. */
    @Override
    public KeyPair generateEncryptionKeyPair() {
        return SignatureAlgorithm.generateKeyPair(KeyType.X25519, random);
    }

    @Override
    public byte[] encryptFor(PublicKey recipient, byte[] plaintext) {
        return X25519Hpke.seal(recipient, plaintext, random);
    }

    @Override
    public Result<byte[]> decryptWith(PrivateKey key, byte[] ciphertext) {
        return X25519Hpke.open(key, ciphertext);
    }

    private static SignatureAlgorithm supported(SignatureAlgorithm algorithm) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("the intl suite does not use " + algorithm);
        }
        return algorithm;
    }

    @Override
    public String toString() {
        return "IntlSuite[Ed25519/ES256, SHA-256, AES-256-GCM, HPKE-X25519]";
    }
}
