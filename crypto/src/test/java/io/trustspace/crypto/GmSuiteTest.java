package io.trustspace.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.junit.jupiter.api.Test;

class GmSuiteTest extends CryptoSuiteContract {

    @Override
    CryptoSuite suite(SecureRandom random) {
        return new GmSuite(random);
    }

    @Test
    void ids() {
        assertThat(suite.id()).isEqualTo(SuiteId.GM);
        assertThat(suite.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(suite.aeadAlgorithm()).isEqualTo(AeadAlgorithm.SM4_GCM);
        assertThat(CryptoSuites.of(SuiteId.GM)).isInstanceOf(GmSuite.class);
    }

    @Test
    void sm2Signature_isDerAndUsesTheDefaultUserId() throws Exception {
        KeyPair keys = suite.generateSigningKeyPair();

        byte[] signature = suite.sign(keys.getPrivate(), MESSAGE);

        assertThat(signature[0]).isEqualTo((byte) 0x30);
        assertThat(verifyWithUserId(keys, signature, "1234567812345678")).isTrue();
        assertThat(verifyWithUserId(keys, signature, "ALICE123@YAHOO.COM")).isFalse();
    }

    @Test
    void sm2Signatures_areRandomized() {
        KeyPair keys = suite.generateSigningKeyPair();

        assertThat(suite.sign(keys.getPrivate(), MESSAGE)).isNotEqualTo(suite.sign(keys.getPrivate(), MESSAGE));
    }

    @Test
    void verify_refusesIntlKeys() {
        CryptoSuite intl = CryptoSuites.of(SuiteId.INTL);
        KeyPair p256 = intl.generateKeyPair(SignatureAlgorithm.ES256);
        byte[] signature = intl.sign(p256.getPrivate(), MESSAGE);

        assertThat(suite.verify(p256.getPublic(), MESSAGE, signature)).isFalse();
        assertThatThrownBy(() -> suite.sign(p256.getPrivate(), MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sm2Ciphertext_isC1C3C2() {
        KeyPair keys = suite.generateEncryptionKeyPair();

        byte[] ciphertext = suite.encryptFor(keys.getPublic(), new byte[] {1, 2, 3});

        assertThat(ciphertext).hasSize(65 + 32 + 3);
        assertThat(ciphertext[0]).isEqualTo((byte) 0x04);
    }

    @Test
    void sm2Encryption_ofAnEmptyMessage_throws() {
        KeyPair keys = suite.generateEncryptionKeyPair();

        assertThatThrownBy(() -> suite.encryptFor(keys.getPublic(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean verifyWithUserId(KeyPair keys, byte[] signature, String userId) throws Exception {
        Signature verifier = Signature.getInstance("SM3withSM2", CryptoSuites.provider());
        verifier.setParameter(new SM2ParameterSpec(userId.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        verifier.initVerify(keys.getPublic());
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }
}
