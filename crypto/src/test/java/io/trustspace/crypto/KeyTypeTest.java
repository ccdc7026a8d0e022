package io.trustspace.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyTypeTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void rawPublicKey_roundTrips(KeyType type) {
        KeyPair keys = SignatureAlgorithm.generateKeyPair(type, new java.security.SecureRandom());

        byte[] raw = KeyType.rawPublicKey(keys.getPublic());

        assertThat(raw).hasSize(type.rawPublicKeyLength());
        assertThat(KeyType.of(keys.getPublic())).contains(type);
        assertThat(KeyType.of(keys.getPrivate())).contains(type);
        assertThat(type.publicKey(raw).orElseThrow()).isEqualTo(keys.getPublic());
    }

    @Test
    void publicKey_refusesPointsOffTheCurveAndWrongLengths() {
        byte[] raw = KeyType.rawPublicKey(
                CryptoSuites.of(SuiteId.GM).generateSigningKeyPair().getPublic());
        byte[] offCurve = raw.clone();
        offCurve[64] ^= 1;
        byte[] compressed = raw.clone();
        compressed[0] = 0x02;

        assertThat(KeyType.SM2.publicKey(offCurve)).isEqualTo(Result.invalid("not a valid SM2 public key"));
        assertThat(KeyType.SM2.publicKey(compressed)).isInstanceOf(Result.Failure.class);
        assertThat(KeyType.SM2.publicKey(Arrays.copyOf(raw, 33)))
                .isEqualTo(Result.invalid("a raw SM2 public key has 65 bytes, not 33"));
        // A valid SM2 point is not a P-256 point.
        assertThat(KeyType.P256.publicKey(raw)).isInstanceOf(Result.Failure.class);
    }

    @Test
    void of_recognisesSunEcKeysAndIgnoresOthers() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", "SunEC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC", "SunEC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));

        assertThat(KeyType.of(ec.generateKeyPair().getPublic())).contains(KeyType.P256);
        assertThat(KeyType.of(p384.generateKeyPair().getPublic())).isEmpty();
        assertThat(KeyType.of(KeyPairGenerator.getInstance("X25519", "SunEC")
                        .generateKeyPair()
                        .getPublic()))
                .contains(KeyType.X25519);
        assertThat(KeyType.of(KeyPairGenerator.getInstance("Ed448", "SunEC")
                        .generateKeyPair()
                        .getPublic()))
                .isEmpty();
        assertThat(KeyType.of(
                        KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic()))
                .isEmpty();
    }

    @Test
    void signatureAlgorithm_mapsJwsNamesAndKeys() {
        assertThat(SignatureAlgorithm.fromJwsName("EdDSA")).contains(SignatureAlgorithm.ED25519);
        assertThat(SignatureAlgorithm.fromJwsName("Ed25519")).contains(SignatureAlgorithm.ED25519);
        assertThat(SignatureAlgorithm.fromJwsName("SM2SM3")).contains(SignatureAlgorithm.SM2_SM3);
        assertThat(SignatureAlgorithm.fromJwsName("none")).isEmpty();
        assertThat(SignatureAlgorithm.fromJwsName("es256")).isEmpty();
        assertThat(SignatureAlgorithm.forKey(CryptoSuites.of(SuiteId.INTL)
                        .generateEncryptionKeyPair()
                        .getPublic()))
                .isEmpty();
    }
}
