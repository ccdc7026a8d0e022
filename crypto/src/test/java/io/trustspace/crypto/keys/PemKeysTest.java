package io.trustspace.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.Fixtures;
import io.trustspace.crypto.KeyType;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.SuiteId;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PemKeysTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final int FAST_ITERATIONS = 10_000; // the default 600,000 is exercised once, below

    private final SecureRandom random = new SecureRandom();

    static Stream<KeyPair> keyPairs() {
        CryptoSuite intl = CryptoSuites.of(SuiteId.INTL);
        CryptoSuite gm = CryptoSuites.of(SuiteId.GM);
        return Stream.of(
                intl.generateKeyPair(SignatureAlgorithm.ED25519),
                intl.generateKeyPair(SignatureAlgorithm.ES256),
                intl.generateEncryptionKeyPair(),
                gm.generateSigningKeyPair());
    }

    @ParameterizedTest
    @MethodSource("keyPairs")
    void publicKeyPem_roundTrips(KeyPair keys) {
        String pem = PemKeys.writePublicKey(keys.getPublic());

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
        assertThat(PemKeys.readPublicKey(pem).orElseThrow()).isEqualTo(keys.getPublic());
    }

    @ParameterizedTest
    @MethodSource("keyPairs")
    void encryptedPrivateKeyPem_roundTrips(KeyPair keys) {
        String pem = PemKeys.writeEncryptedPrivateKey(keys.getPrivate(), PASSPHRASE, FAST_ITERATIONS, random);

        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        PrivateKey read = PemKeys.readPrivateKey(pem, PASSPHRASE).orElseThrow();
        assertThat(sameKey(read, keys.getPrivate())).isTrue();
        assertThat(KeyType.of(read)).isEqualTo(KeyType.of(keys.getPrivate()));
    }

    @Test
    void encryptedPrivateKey_withDefaultIterations_roundTrips() {
        KeyPair keys = CryptoSuites.of(SuiteId.GM).generateSigningKeyPair();

        String pem = PemKeys.writeEncryptedPrivateKey(keys.getPrivate(), PASSPHRASE, random);

        assertThat(sameKey(PemKeys.readPrivateKey(pem, PASSPHRASE).orElseThrow(), keys.getPrivate()))
                .isTrue();
    }

    /** Same key material; Ed25519/X25519 keys come back as PKCS#8 v1, without the embedded public key. */
    static boolean sameKey(PrivateKey a, PrivateKey b) {
        try {
            return java.util.Arrays.equals(
                    PemKeys.pkcs8V1(a).getEncoded(), PemKeys.pkcs8V1(b).getEncoded());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void wrongPassphrase_isUnauthorizedAndSaysNothingSecret() {
        KeyPair keys = CryptoSuites.of(SuiteId.INTL).generateSigningKeyPair();
        String pem = PemKeys.writeEncryptedPrivateKey(keys.getPrivate(), PASSPHRASE, FAST_ITERATIONS, random);

        Result<PrivateKey> result = PemKeys.readPrivateKey(pem, "Tr0ub4dor&3".toCharArray());

        assertThat(result)
                .isEqualTo(Result.unauthorized(
                        "cannot decrypt the private key: wrong passphrase, or the file is damaged"));
    }

    @Test
    void badPem_isAClearFailure() {
        String publicPem = PemKeys.writePublicKey(
                CryptoSuites.of(SuiteId.INTL).generateSigningKeyPair().getPublic());

        assertThat(PemKeys.readPublicKey("")).isEqualTo(Result.invalid("no PEM text"));
        assertThat(PemKeys.readPublicKey("hello"))
                .isEqualTo(Result.invalid("no PEM block found (expected PUBLIC KEY)"));
        assertThat(PemKeys.readPublicKey(publicPem.replace("-----END PUBLIC KEY-----", "")))
                .isInstanceOf(Result.Failure.class);
        assertThat(PemKeys.readPublicKey("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n"))
                .isInstanceOf(Result.Failure.class);
        assertThat(PemKeys.readPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .isEqualTo(Result.invalid("PUBLIC KEY block does not hold a readable public key"));
        assertThat(PemKeys.readPublicKey("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isEqualTo(Result.invalid("expected a PUBLIC KEY block, found CERTIFICATE"));
        assertThat(PemKeys.readPrivateKey(publicPem, PASSPHRASE))
                .isEqualTo(Result.invalid(
                        "expected a ENCRYPTED PRIVATE KEY or PRIVATE KEY or EC PRIVATE KEY block, found PUBLIC KEY"));
        assertThat(PemKeys.readPublicKey("x".repeat(PemKeys.MAX_PEM_LENGTH + 1)))
                .isInstanceOf(Result.Failure.class);
    }

    @Test
    void unsupportedKeyTypes_areRefused() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String rsaPem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder()
                        .encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertThat(PemKeys.readPublicKey(rsaPem)).isEqualTo(Result.invalid("unsupported public key type RSA"));
        assertThatThrownBy(() -> PemKeys.writePublicKey(rsa.getPublic())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opensslSm2PublicKey_isRead() {
        assertThat(KeyType.of(PemKeys.readPublicKey(Fixtures.text("openssl-sm2-public.pem"))
                        .orElseThrow()))
                .contains(KeyType.SM2);
    }

    @Test
    void unencryptedPkcs8_isRead() {
        KeyPair keys = CryptoSuites.of(SuiteId.INTL).generateKeyPair(SignatureAlgorithm.ES256);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder()
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        assertThat(PemKeys.readPrivateKey(pem, new char[0]).orElseThrow().getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void writingWithAnEmptyPassphrase_throws() {
        KeyPair keys = CryptoSuites.of(SuiteId.INTL).generateSigningKeyPair();

        assertThatThrownBy(() -> PemKeys.writeEncryptedPrivateKey(keys.getPrivate(), new char[0], random))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
