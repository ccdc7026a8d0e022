package io.trustspace.ledger.note;

import static io.trustspace.ledger.note.NoteKeyTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final String SPEC_BODY =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Test
    void parse_readsTheSpecExample_andBodyWritesItBack() {
        Checkpoint checkpoint = Checkpoint.parse(SPEC_BODY).orElseThrow();

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(checkpoint.rootHash())
                .isEqualTo(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.body()).isEqualTo(SPEC_BODY);
    }

    @Test
    void extensionLines_roundTrip() {
        Checkpoint checkpoint = new Checkpoint("log", 0, new byte[32], List.of("ext one", "ext two"));
        assertThat(checkpoint.body())
                .isEqualTo("log\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\next one\next two\n");
        assertThat(Checkpoint.parse(checkpoint.body()).orElseThrow()).isEqualTo(checkpoint);
    }

    @Test
    void parse_refusesMalformedBodiesWithReasons() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        assertReason(Checkpoint.parse("log\n5\n"), "has 2 lines; origin, size and root hash are required");
        assertReason(Checkpoint.parse("log\n5\n" + root), "does not end with a newline");
        assertReason(
                Checkpoint.parse("log\n05\n" + root + "\n"), "tree size '05' is not a decimal without leading zeros");
        assertReason(Checkpoint.parse("log\n-5\n" + root + "\n"), "tree size '-5' is not a decimal");
        assertReason(Checkpoint.parse("log\n+5\n" + root + "\n"), "tree size '+5' is not a decimal");
        assertReason(Checkpoint.parse("log\n9223372036854775808\n" + root + "\n"), "exceeds 2^63 - 1");
        assertReason(Checkpoint.parse("log\n5\n" + root.replace("=", "") + "\n"), "not canonical padded base64");
        assertReason(Checkpoint.parse("log\n5\n!!!!\n"), "is not base64");
        assertReason(Checkpoint.parse("log\n5\n\n"), "line 3 is empty");
        assertReason(Checkpoint.parse("log\n5\n" + root + "\n\n"), "line 4 is empty");
        assertReason(Checkpoint.parse("\n5\n" + root + "\n"), "line 1 is empty");
        assertThat(Checkpoint.parse("log\n0\n" + root + "\n").orElseThrow().size())
                .isZero();
    }

    @Test
    void constructor_enforcesTheFormatsInvariants() {
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("log", -1, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[32], List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedCheckpoint_opensWithTheLogKey_inBothSuites() {
        for (CryptoSuite suite : List.of(TestSuites.jdk(), TestSuites.gm())) {
            SuiteNoteSigner log =
                    SuiteNoteSigner.create("space.example.org/ledger", suite.generateSigningKeyPair(), suite);
            Checkpoint checkpoint = new Checkpoint("space.example.org/ledger", 42, suite.digest(new byte[] {1}));
            String signed = checkpoint.sign(List.of(log)).format();

            NoteVerifier logKey = verifierFromPublishedKey(log.key().toVerifierKey(), suite);
            assertThat(Checkpoint.open(signed, List.of(logKey), 1).orElseThrow())
                    .isEqualTo(checkpoint);
            assertReason(
                    Checkpoint.open(signed.replace("\n42\n", "\n43\n"), List.of(logKey), 1),
                    "signature by space.example.org/ledger (key id " + log.key().keyIdHex() + ") does not verify");
        }
    }

    @Test
    void sm2SignatureLines_carryTheSm2KeyId() {
        CryptoSuite gm = TestSuites.gm();
        SuiteNoteSigner log = SuiteNoteSigner.create("space.example.cn/ledger", gm.generateSigningKeyPair(), gm);
        SignedNote note = new Checkpoint("space.example.cn/ledger", 1, new byte[32]).sign(List.of(log));

        assertThat(log.key().type()).isEqualTo(NoteKeyType.SM2_SM3);
        assertThat(note.signatures().get(0).keyId()).isEqualTo(log.key().keyId());
        // DER-encoded SM2 signatures are 70 to 72 bytes.
        assertThat(note.signatures().get(0).signature().length).isBetween(68, 72);
    }

    /** The verifier a client configures from the log's published verifier key. */
    private static NoteVerifier verifierFromPublishedKey(String verifierKey, CryptoSuite suite) {
        NoteKey key = NoteKey.parse(verifierKey).orElseThrow();
        // The JDK decodes Ed25519 keys itself; SM2 keys need the Bouncy Castle provider, which the app holds.
        return key.type() == NoteKeyType.ED25519
                ? key.verifier(suite).orElseThrow()
                : key.verifier(suite, TestSuitesKeys.sm2PublicKey(key.publicKey()));
    }
}
