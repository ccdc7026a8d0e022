package io.trustspace.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoteKeyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                GoNoteVectors.PETER_KEY,
                GoNoteVectors.ENOCH_KEY,
                GoNoteVectors.EXAMPLE_KEY,
                GoNoteVectors.SUMDB_KEY
            })
    void parse_acceptsPublishedVerifierKeys_andPrintsThemBackIdentically(String text) {
        NoteKey key = NoteKey.parse(text).orElseThrow();

        assertThat(key.type()).isEqualTo(NoteKeyType.ED25519);
        assertThat(key.toVerifierKey()).isEqualTo(text);
        assertThat(key.keyIdHex()).isEqualTo(text.split("\\+")[1]);
    }

    @Test
    void keyId_isTheSignedNoteRecommendation() {
        NoteKey peter = NoteKey.parse(GoNoteVectors.PETER_KEY).orElseThrow();
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.name()).isEqualTo("PeterNeumann");
    }

    @Test
    void parse_refusesManglingsWithReasons() {
        String good = GoNoteVectors.PETER_KEY;
        assertReason(NoteKey.parse("PeterNeumann+c74f20a3"), "not of the form <name>+<key id>+<key>");
        assertReason(
                NoteKey.parse(good.replace("c74f20a3", "c74f20a4")),
                "key id c74f20a4 does not match the key, whose id is c74f20a3");
        assertReason(NoteKey.parse(good.replace("c74f20a3", "c74f20")), "key id 'c74f20' is not 8 hex digits");
        assertReason(NoteKey.parse(good.replace("+ARpc", "+A!pc")), "not base64");
        assertReason(NoteKey.parse("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"), "key name is empty");
        assertReason(
                NoteKey.parse("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                "contains a space");
        String ecdsa = Base64.getEncoder().encodeToString(new byte[] {2, 1, 2, 3});
        assertReason(NoteKey.parse("log+00000000+" + ecdsa), "unsupported signature type 0x02");
        String shortKey = Base64.getEncoder().encodeToString(new byte[] {1, 1, 2, 3});
        assertReason(NoteKey.parse("log+00000000+" + shortKey), "has a 3-byte ED25519 public key, expected 32");
    }

    @Test
    void sm2Keys_useThe0xffTypeWithTheTrustSpaceLabel_andRoundTrip() {
        CryptoSuite gm = TestSuites.gm();
        KeyPair keys = gm.generateSigningKeyPair();
        NoteKey key = NoteKey.of("space.example.cn/ledger", NoteKeyType.SM2_SM3, keys.getPublic());

        byte[] typeAndKey = Base64.getDecoder().decode(key.toVerifierKey().split("\\+", 3)[2]);
        assertThat(typeAndKey[0]).isEqualTo((byte) 0xff);
        assertThat(new String(typeAndKey, 1, 22, StandardCharsets.US_ASCII)).isEqualTo("trustspace.io/sm2-sm3\n");
        assertThat(typeAndKey[23]).isEqualTo((byte) 0x04);
        assertThat(typeAndKey).hasSize(1 + 22 + 65);
        assertThat(NoteKey.parse(key.toVerifierKey()).orElseThrow()).isEqualTo(key);
    }

    @Test
    void verifier_decodesSm2KeysWithoutAnInstalledProvider_andExplainsInvalidPoints() {
        // Bouncy Castle is not installed in java.security.Security, as in the app: the crypto module's KeyType
        // decodes the raw point with the suites' own provider instance.
        CryptoSuite gm = TestSuites.gm();
        KeyPair keys = gm.generateSigningKeyPair();
        NoteKey key = NoteKey.of("log", NoteKeyType.SM2_SM3, keys.getPublic());
        byte[] text = "a note\n".getBytes(StandardCharsets.UTF_8);

        NoteVerifier verifier = key.verifier(gm).orElseThrow();

        assertThat(verifier.verify(text, gm.sign(keys.getPrivate(), text))).isTrue();
        byte[] offCurve = new byte[65];
        offCurve[0] = 0x04;
        offCurve[1] = 1;
        assertReason(new NoteKey("log", NoteKeyType.SM2_SM3, offCurve).verifier(gm), "not a valid SM2 public key");
    }

    @Test
    void verifier_refusesAPublicKeyThatIsNotTheNoteKey() {
        CryptoSuite suite = TestSuites.jdk();
        NoteKey key = NoteKey.of(
                "log", NoteKeyType.ED25519, suite.generateSigningKeyPair().getPublic());
        assertThatThrownBy(
                        () -> key.verifier(suite, suite.generateSigningKeyPair().getPublic()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the key of log");
    }

    static void assertReason(Result<?> result, String reason) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<?>) result).reason()).contains(reason);
    }
}
