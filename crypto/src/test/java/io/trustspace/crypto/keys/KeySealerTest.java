package io.trustspace.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.crypto.AeadAlgorithm;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.SuiteId;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Each new sealer derives a key with 600,000 PBKDF2 iterations (~0.2 s), so the tests share sealers. */
class KeySealerTest {

    private static final String PASSPHRASE = "node passphrase from the secret store";
    private static final KeySealer INTL_SEALER =
            new KeySealer(PASSPHRASE.toCharArray(), AeadAlgorithm.AES_256_GCM, new SecureRandom());
    private static final KeySealer GM_SEALER =
            new KeySealer(PASSPHRASE.toCharArray(), AeadAlgorithm.SM4_GCM, new SecureRandom());

    @Test
    void privateKeys_roundTripThroughTheStoredForm() {
        KeyPair ed = CryptoSuites.of(SuiteId.INTL).generateKeyPair(SignatureAlgorithm.ED25519);
        KeyPair sm2 = CryptoSuites.of(SuiteId.GM).generateSigningKeyPair();

        String sealedEd = INTL_SEALER.seal(ed.getPrivate()).encode();
        String sealedSm2 = GM_SEALER.seal(sm2.getPrivate()).encode();

        assertThat(sealedEd).startsWith("tsk1.pbkdf2-sha256.600000.").contains(".aes-256-gcm.");
        assertThat(sealedSm2).contains(".sm4-gcm.");
        assertThat(INTL_SEALER.openPrivateKey(sealedEd).orElseThrow().getEncoded())
                .isEqualTo(ed.getPrivate().getEncoded());
        assertThat(GM_SEALER.openPrivateKey(sealedSm2).orElseThrow().getEncoded())
                .isEqualTo(sm2.getPrivate().getEncoded());
    }

    @Test
    void manyKeys_shareOneSaltAndGetTheirOwnNonces() {
        SealedKey first = INTL_SEALER.seal(new byte[] {1});
        SealedKey second = INTL_SEALER.seal(new byte[] {1});

        assertThat(first.salt()).isEqualTo(second.salt());
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.encode()).isNotEqualTo(second.encode());
    }

    @Test
    void aSealerWithTheSamePassphrase_opensKeysOfEitherCipher() {
        KeySealer restarted = new KeySealer(PASSPHRASE.toCharArray(), AeadAlgorithm.SM4_GCM, new SecureRandom());
        byte[] secret = "seed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(restarted.open(INTL_SEALER.seal(secret)).orElseThrow()).isEqualTo(secret);
        assertThat(restarted.open(GM_SEALER.seal(secret)).orElseThrow()).isEqualTo(secret);
    }

    @Test
    void wrongPassphrase_isUnauthorizedWithoutEchoingSecrets() {
        KeySealer wrong =
                new KeySealer("not the passphrase".toCharArray(), AeadAlgorithm.AES_256_GCM, new SecureRandom());
        byte[] secret = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

        Result<byte[]> result = wrong.open(INTL_SEALER.seal(secret).encode());

        assertThat(result).isInstanceOf(Result.Failure.class);
        Result.Failure<byte[]> failure = (Result.Failure<byte[]>) result;
        assertThat(failure.kind()).isEqualTo(Result.Kind.UNAUTHORIZED);
        assertThat(failure.reason())
                .isEqualTo("cannot open the sealed key: wrong passphrase, or the sealed key was altered")
                .doesNotContain(PASSPHRASE)
                .doesNotContain("not the passphrase")
                .doesNotContain("00112233");
    }

    @Test
    void anyAlteredField_failsToOpen() {
        String sealed = INTL_SEALER.seal(new byte[] {1, 2, 3}).encode();
        String[] fields = sealed.split("\\.");

        String otherCipher = sealed.replace(".aes-256-gcm.", ".sm4-gcm.");
        String moreIterations = sealed.replace(".600000.", ".600001.");
        String otherNonce = String.join(".", Arrays.copyOf(fields, 5)) + "." + flipFirst(fields[5]) + "." + fields[6];

        assertThat(INTL_SEALER.open(otherCipher)).isInstanceOf(Result.Failure.class);
        assertThat(INTL_SEALER.open(otherNonce)).isInstanceOf(Result.Failure.class);
        assertThat(INTL_SEALER.open(moreIterations)).isInstanceOf(Result.Failure.class);
    }

    @Test
    void malformedStoredForms_areInvalid() {
        String sealed = INTL_SEALER.seal(new byte[] {1}).encode();

        assertThat(SealedKey.parse("tsk1.pbkdf2-sha256"))
                .isEqualTo(Result.invalid("sealed key must have 7 dot-separated fields, not 2"));
        assertThat(SealedKey.parse(sealed.replace("tsk1.", "tsk9.")))
                .isEqualTo(Result.invalid("unknown sealed key version; expected tsk1"));
        assertThat(SealedKey.parse(sealed.replace(".600000.", ".1000.")))
                .isEqualTo(Result.invalid("sealed key iterations out of range 600000..10000000"));
        assertThat(SealedKey.parse(sealed.replace(".600000.", ".2147483647."))).isInstanceOf(Result.Failure.class);
        assertThat(SealedKey.parse(sealed.replace(".aes-256-gcm.", ".des.")))
                .isEqualTo(Result.invalid("unknown sealed key cipher; expected aes-256-gcm or sm4-gcm"));
        assertThat(SealedKey.parse(sealed + "!"))
                .isEqualTo(Result.invalid("sealed key has a malformed number or base64url field"));
        assertThat(SealedKey.parse(sealed).orElseThrow().encode()).isEqualTo(sealed);
    }

    @Test
    void toString_showsNoSecrets() {
        KeySealer sealer = new KeySealer("hunter2-passphrase".toCharArray(), AeadAlgorithm.SM4_GCM, new SecureRandom());
        SealedKey sealed = INTL_SEALER.seal(new byte[] {1});

        assertThat(sealer.toString())
                .isEqualTo("KeySealer[SM4-GCM, pbkdf2-sha256 600000 iterations]")
                .doesNotContain("hunter2");
        assertThat(sealed.toString()).isEqualTo("SealedKey[AES-256-GCM, pbkdf2-sha256 600000 iterations, 17 bytes]");
    }

    @Test
    void destroyedSealer_refusesWork() {
        KeySealer sealer = new KeySealer("short-lived".toCharArray(), AeadAlgorithm.SM4_GCM, new SecureRandom());

        sealer.destroy();

        assertThat(sealer.isDestroyed()).isTrue();
        assertThatThrownBy(() -> sealer.seal(new byte[] {1})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openPrivateKey_ofSomethingElse_isInvalid() {
        assertThat(INTL_SEALER.openPrivateKey(INTL_SEALER.seal(new byte[] {1, 2, 3})))
                .isEqualTo(Result.invalid("the sealed secret is not a PKCS#8 private key"));
    }

    private static String flipFirst(String base64url) {
        char first = base64url.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64url.substring(1);
    }
}
