package io.trustspace.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;

/** The key-conversion cache: keyed by content, so a re-parsed key hits it, and bounded whatever the key count. */
class Ed25519SignaturesTest {

    private static final byte[] MESSAGE = "证据 evidence".getBytes(StandardCharsets.UTF_8);

    @Test
    void aKeyParsedAgain_verifiesLikeTheOriginal_andAnotherKeyDoesNot() throws Exception {
        KeyPair pair = generate();
        KeyPair other = generate();
        byte[] signature = Ed25519Signatures.sign(pair.getPrivate(), MESSAGE);

        PublicKey reparsed = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
        assertThat(Ed25519Signatures.verify(pair.getPublic(), MESSAGE, signature))
                .isTrue();
        assertThat(Ed25519Signatures.verify(reparsed, MESSAGE, signature)).isTrue();
        assertThat(Ed25519Signatures.verify(other.getPublic(), MESSAGE, signature))
                .isFalse();
        assertThat(Ed25519Signatures.verify(reparsed, "other".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
    }

    @Test
    void manyKeys_stayWithinTheCacheLimit_andEachStillSignsWithItsOwnKey() throws Exception {
        KeyPair first = generate();
        for (int i = 0; i < Ed25519Signatures.CACHE_LIMIT + 50; i++) {
            KeyPair pair = i == 0 ? first : generate();
            byte[] signature = Ed25519Signatures.sign(pair.getPrivate(), MESSAGE);
            assertThat(Ed25519Signatures.verify(pair.getPublic(), MESSAGE, signature))
                    .isTrue();
            assertThat(Ed25519Signatures.cachedKeys()).isLessThanOrEqualTo(2 * Ed25519Signatures.CACHE_LIMIT);
        }
        byte[] again = Ed25519Signatures.sign(first.getPrivate(), MESSAGE);
        assertThat(Ed25519Signatures.verify(first.getPublic(), MESSAGE, again)).isTrue();
    }

    private static KeyPair generate() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
}
