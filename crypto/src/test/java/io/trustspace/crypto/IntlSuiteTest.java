package io.trustspace.crypto;

import static io.trustspace.crypto.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class IntlSuiteTest extends CryptoSuiteContract {

    @Override
    CryptoSuite suite(SecureRandom random) {
        return new IntlSuite(random);
    }

    @Test
    void ids() {
        assertThat(suite.id()).isEqualTo(SuiteId.INTL);
        assertThat(suite.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(suite.aeadAlgorithm()).isEqualTo(AeadAlgorithm.AES_256_GCM);
        assertThat(CryptoSuites.of(SuiteId.INTL)).isInstanceOf(IntlSuite.class);
    }

    @Test
    void ed25519_interoperatesWithTheJdk() throws Exception {
        KeyPair ours = suite.generateKeyPair(SignatureAlgorithm.ED25519);
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initVerify(ours.getPublic());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(suite.sign(ours.getPrivate(), MESSAGE))).isTrue();

        KeyPair theirs = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();
        assertThat(KeyType.of(theirs.getPublic())).contains(KeyType.ED25519);
        assertThat(suite.verify(theirs.getPublic(), MESSAGE, suite.sign(theirs.getPrivate(), MESSAGE)))
                .isTrue();
    }

    @Test
    void es256_signaturesAreDerAndVerifyWithTheJdk() throws Exception {
        KeyPair keys = suite.generateKeyPair(SignatureAlgorithm.ES256);

        byte[] signature = suite.sign(keys.getPrivate(), MESSAGE);

        assertThat(signature[0]).isEqualTo((byte) 0x30);
        Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
        jdk.initVerify(keys.getPublic());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
    }

    @Test
    void es256_isDeterministic() {
        KeyPair keys = suite.generateKeyPair(SignatureAlgorithm.ES256);

        assertThat(suite.sign(keys.getPrivate(), MESSAGE)).isEqualTo(suite.sign(keys.getPrivate(), MESSAGE));
    }

    @Test
    void verify_refusesSm2KeysAndSignatures() {
        CryptoSuite gm = CryptoSuites.of(SuiteId.GM);
        KeyPair sm2 = gm.generateSigningKeyPair();
        byte[] signature = gm.sign(sm2.getPrivate(), MESSAGE);

        assertThat(suite.verify(sm2.getPublic(), MESSAGE, signature)).isFalse();
        assertThatThrownBy(() -> suite.sign(sm2.getPrivate(), MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicKeyEncryption_usesX25519AndHpkeFraming() {
        KeyPair keys = suite.generateEncryptionKeyPair();

        byte[] ciphertext = suite.encryptFor(keys.getPublic(), utf8("abc"));

        assertThat(KeyType.of(keys.getPublic())).contains(KeyType.X25519);
        assertThat(ciphertext).hasSize(32 + 3 + 16);
    }

    @Test
    void publicKeyEncryption_ofAnEmptyMessage_roundTrips() {
        KeyPair keys = suite.generateEncryptionKeyPair();

        assertThat(suite.decryptWith(keys.getPrivate(), suite.encryptFor(keys.getPublic(), new byte[0]))
                        .orElseThrow())
                .isEmpty();
    }

    @Test
    void publicKeyEncryption_toALowOrderPoint_isRefused() {
        var zeroPoint = KeyType.X25519.publicKey(new byte[32]).orElseThrow();

        assertThatThrownBy(() -> suite.encryptFor(zeroPoint, MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sign_withAnX25519Key_throws() {
        KeyPair encryptionKeys = suite.generateEncryptionKeyPair();

        assertThatThrownBy(() -> suite.sign(encryptionKeys.getPrivate(), MESSAGE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptFor_aSigningKey_throws() {
        KeyPair signing = suite.generateSigningKeyPair();

        assertThatThrownBy(() -> suite.encryptFor(signing.getPublic(), MESSAGE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
