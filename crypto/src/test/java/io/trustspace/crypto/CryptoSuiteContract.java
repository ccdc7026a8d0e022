package io.trustspace.crypto;

import static io.trustspace.crypto.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link CryptoSuite} promises; extended once per suite. */
abstract class CryptoSuiteContract {

    static final byte[] MESSAGE = utf8("contract negotiation agreed, 2026-11-28");

    /** A seeded suite, so that a failure reproduces. */
    abstract CryptoSuite suite(SecureRandom random);

    final CryptoSuite suite = suite(seeded());

    static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(20261128L);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void digest_is32Bytes() {
        assertThat(suite.digest(MESSAGE)).hasSize(32);
        assertThat(suite.newDigest()).isNotSameAs(suite.newDigest());
    }

    @Test
    void everySignatureAlgorithm_signsAndVerifies() {
        for (SignatureAlgorithm algorithm : suite.signatureAlgorithms()) {
            KeyPair keys = suite.generateKeyPair(algorithm);

            byte[] signature = suite.sign(keys.getPrivate(), MESSAGE);

            assertThat(SignatureAlgorithm.forKey(keys.getPublic())).contains(algorithm);
            assertThat(suite.verify(keys.getPublic(), MESSAGE, signature))
                    .as(algorithm.name())
                    .isTrue();
            assertThat(algorithm.verify(keys.getPublic(), MESSAGE, signature)).isTrue();
        }
    }

    @Test
    void defaultSigningKey_isOfTheDefaultAlgorithm() {
        KeyPair keys = suite.generateSigningKeyPair();

        assertThat(SignatureAlgorithm.forKey(keys.getPublic())).contains(suite.signatureAlgorithm());
        assertThat(suite.signatureAlgorithms()).contains(suite.signatureAlgorithm());
    }

    @Test
    void verify_isFalseForTamperedMessageOrSignature() {
        for (SignatureAlgorithm algorithm : suite.signatureAlgorithms()) {
            KeyPair keys = suite.generateKeyPair(algorithm);
            byte[] signature = suite.sign(keys.getPrivate(), MESSAGE);
            byte[] tamperedMessage = MESSAGE.clone();
            tamperedMessage[0] ^= 1;
            byte[] tamperedSignature = signature.clone();
            tamperedSignature[tamperedSignature.length - 1] ^= 1;

            assertThat(suite.verify(keys.getPublic(), tamperedMessage, signature))
                    .isFalse();
            assertThat(suite.verify(keys.getPublic(), MESSAGE, tamperedSignature))
                    .isFalse();
        }
    }

    @Test
    void verify_isFalseNeverThrows_forMalformedSignaturesAndForeignKeys() {
        KeyPair keys = suite.generateSigningKeyPair();
        byte[] signature = suite.sign(keys.getPrivate(), MESSAGE);
        KeyPair otherKeys = suite.generateSigningKeyPair();
        KeyPair encryptionKeys = suite.generateEncryptionKeyPair();

        assertThat(suite.verify(otherKeys.getPublic(), MESSAGE, signature)).isFalse();
        assertThat(suite.verify(encryptionKeys.getPublic(), MESSAGE, signature)).isFalse();
        assertThat(suite.verify(keys.getPublic(), MESSAGE, new byte[0])).isFalse();
        assertThat(suite.verify(keys.getPublic(), MESSAGE, new byte[] {0x30, 0x02, 0x02, 0x00}))
                .isFalse();
        assertThat(suite.verify(keys.getPublic(), MESSAGE, new byte[4096])).isFalse();
        assertThat(suite.verify(keys.getPublic(), MESSAGE, Arrays.copyOf(signature, signature.length + 1)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 4096})
    void aead_roundTrips(int length) {
        SecretKey key = suite.generateSecretKey();
        byte[] plaintext = new byte[length];
        Arrays.fill(plaintext, (byte) 7);
        byte[] aad = utf8("negotiation/42");

        byte[] sealed = suite.encrypt(key, plaintext, aad);

        assertThat(sealed).hasSize(AeadAlgorithm.NONCE_LENGTH + length + AeadAlgorithm.TAG_LENGTH);
        assertThat(suite.decrypt(key, sealed, aad).orElseThrow()).isEqualTo(plaintext);
    }

    @Test
    void aead_usesAFreshNonceEachTime() {
        SecretKey key = suite.generateSecretKey();

        assertThat(suite.encrypt(key, MESSAGE)).isNotEqualTo(suite.encrypt(key, MESSAGE));
    }

    @Test
    void aead_detectsTamperingWrongKeyAndWrongAssociatedData() {
        SecretKey key = suite.generateSecretKey();
        byte[] sealed = suite.encrypt(key, MESSAGE, utf8("a"));

        for (int i = 0; i < sealed.length; i += 7) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x40;
            assertThat(suite.decrypt(key, tampered, utf8("a"))).isInstanceOf(Result.Failure.class);
        }
        assertThat(suite.decrypt(suite.generateSecretKey(), sealed, utf8("a"))).isInstanceOf(Result.Failure.class);
        assertThat(suite.decrypt(key, sealed, utf8("b"))).isInstanceOf(Result.Failure.class);
        assertThat(suite.decrypt(key, Arrays.copyOf(sealed, 27), utf8("a")))
                .isEqualTo(Result.invalid(
                        suite.aeadAlgorithm().label() + " ciphertext is 27 bytes, shorter than nonce and tag"));
    }

    @Test
    void aead_withAKeyOfTheWrongLength_throws() {
        SecretKey wrong = new javax.crypto.spec.SecretKeySpec(new byte[24], "AES");

        assertThatThrownBy(() -> suite.encrypt(wrong, MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretKey_hasTheCipherKeyLength() {
        assertThat(suite.generateSecretKey().getEncoded())
                .hasSize(suite.aeadAlgorithm().keyLength());
    }

    @Test
    void publicKeyEncryption_roundTrips() {
        KeyPair keys = suite.generateEncryptionKeyPair();
        byte[] plaintext = utf8("data key for transfer 7");

        byte[] ciphertext = suite.encryptFor(keys.getPublic(), plaintext);

        assertThat(suite.decryptWith(keys.getPrivate(), ciphertext).orElseThrow())
                .isEqualTo(plaintext);
        assertThat(suite.encryptFor(keys.getPublic(), plaintext)).isNotEqualTo(ciphertext);
    }

    @Test
    void publicKeyDecryption_failsForTamperingTruncationAndTheWrongKey() {
        KeyPair keys = suite.generateEncryptionKeyPair();
        byte[] ciphertext = suite.encryptFor(keys.getPublic(), MESSAGE);

        for (int i = 0; i < ciphertext.length; i += 5) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            assertThat(suite.decryptWith(keys.getPrivate(), tampered))
                    .as("byte " + i)
                    .isInstanceOf(Result.Failure.class);
        }
        assertThat(suite.decryptWith(keys.getPrivate(), Arrays.copyOf(ciphertext, 20)))
                .isInstanceOf(Result.Failure.class);
        assertThat(suite.decryptWith(suite.generateEncryptionKeyPair().getPrivate(), ciphertext))
                .isInstanceOf(Result.Failure.class);
    }

    @Test
    void signatureAlgorithmsOfOtherSuites_areRefused() {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            if (!suite.signatureAlgorithms().contains(algorithm)) {
                assertThatThrownBy(() -> suite.generateKeyPair(algorithm)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void toString_namesTheSuite() {
        assertThat(suite.toString()).contains(suite.getClass().getSimpleName());
    }
}
