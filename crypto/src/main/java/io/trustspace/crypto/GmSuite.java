package io.trustspace.crypto;

import io.trustspace.common.Result;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The gm (国密) suite: SM2 signatures with SM3 and the GB/T 32918 default user id {@code 1234567812345678}, SM2
 * public-key encryption (C1C3C2), SM3 and SM4-GCM. Every output verifies or decrypts with OpenSSL 3. Immutable and
 * thread-safe.
 */
public final class GmSuite implements CryptoSuite {

    private static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(SignatureAlgorithm.SM2_SM3);

    private final SecureRandom random;

    public GmSuite(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SuiteId id() {
        return SuiteId.GM;
    }

    @Override
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SM3", CryptoSuites.provider());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Bouncy Castle has SM3", e);
        }
    }

    @Override
    public SignatureAlgorithm signatureAlgorithm() {
        return SignatureAlgorithm.SM2_SM3;
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
        if (algorithm != SignatureAlgorithm.SM2_SM3) {
            throw new IllegalArgumentException("the gm suite does not use " + algorithm);
        }
        return algorithm.generateKeyPair(random);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        if (KeyType.of(key).orElse(null) != KeyType.SM2) {
            throw new IllegalArgumentException("gm cannot sign with a " + SignatureAlgorithm.describe(key));
        }
        return SignatureAlgorithm.SM2_SM3.sign(key, message, random);
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return SignatureAlgorithm.SM2_SM3.verify(key, message, signature);
    }

    @Override
    public AeadAlgorithm aeadAlgorithm() {
        return AeadAlgorithm.SM4_GCM;
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

    /** A new SM2 key pair for {@link #encryptFor}; generate it apart from the signing key. */
    @Override
    public KeyPair generateEncryptionKeyPair() {
        return SignatureAlgorithm.generateKeyPair(KeyType.SM2, random);
    }

    /**
     * SM2 encryption (GB/T 32918.4-2016) with SM3, output {@code C1 || C3 || C2}: C1 the uncompressed point {@code 04
     * || x1 || y1} (65 bytes), C3 the SM3 check value (32 bytes), C2 the masked message (as long as the plaintext).
     * This is the raw byte order of the 2016 standard, not the older C1C2C3 order and not the ASN.1 form of GM/T
     * 0009.
     *
     * @throws IllegalArgumentException if the plaintext is empty (SM2 encryption is not defined for it) or the key
     *     is not an SM2 key
     */
    @Override
    public byte[] encryptFor(PublicKey recipient, byte[] plaintext) {
        return Sm2Encryption.encrypt(recipient, plaintext, random);
    }

    @Override
    public Result<byte[]> decryptWith(PrivateKey key, byte[] ciphertext) {
        return Sm2Encryption.decrypt(key, ciphertext);
    }

    @Override
    public String toString() {
        return "GmSuite[SM2 (SM3, id 1234567812345678), SM3, SM4-GCM]";
    }
}
