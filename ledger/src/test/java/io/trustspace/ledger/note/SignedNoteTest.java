package io.trustspace.ledger.note;

import static io.trustspace.ledger.note.NoteKeyTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private static final CryptoSuite SUITE = TestSuites.jdk();

    private static NoteVerifier verifier(String verifierKey) {
        return NoteKey.parse(verifierKey).orElseThrow().verifier(SUITE).orElseThrow();
    }

    @Test
    void signing_reproducesTheGoNoteByteForByte() throws Exception {
        NoteKey peterKey = NoteKey.parse(GoNoteVectors.PETER_KEY).orElseThrow();
        NoteSigner peter = new NoteSigner() {
            @Override
            public String name() {
                return peterKey.name();
            }

            @Override
            public int keyId() {
                return peterKey.keyId();
            }

            @Override
            public byte[] sign(byte[] noteText) {
                try {
                    return SUITE.sign(GoNoteVectors.goPrivateKey(GoNoteVectors.PETER_SIGNER_KEY), noteText);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        SignedNote note = SignedNote.sign(GoNoteVectors.TEXT, List.of(peter));

        assertThat(note.format()).isEqualTo(GoNoteVectors.TEXT + "\n" + GoNoteVectors.PETER_SIGNATURE);
    }

    @Test
    void verify_acceptsTheGoNoteSignedByTwoKeys() {
        String encoded = GoNoteVectors.TEXT + "\n" + GoNoteVectors.PETER_SIGNATURE + GoNoteVectors.ENOCH_SIGNATURE;
        SignedNote note = SignedNote.parse(encoded).orElseThrow();

        assertThat(note.format()).isEqualTo(encoded);
        VerifiedNote verified = note.verify(
                        List.of(verifier(GoNoteVectors.PETER_KEY), verifier(GoNoteVectors.ENOCH_KEY)), 2)
                .orElseThrow();
        assertThat(verified.text()).isEqualTo(GoNoteVectors.TEXT);
        assertThat(verified.verifiedSignatures())
                .extracting(NoteSignature::name)
                .containsExactly("PeterNeumann", "EnochRoot");
    }

    @Test
    void verify_ignoresUnknownKeys_butNeedsEnoughKnownOnes() {
        String encoded = GoNoteVectors.TEXT + "\n" + GoNoteVectors.PETER_SIGNATURE + GoNoteVectors.ENOCH_SIGNATURE;
        SignedNote note = SignedNote.parse(encoded).orElseThrow();
        NoteVerifier stranger = NoteKey.of(
                        "stranger",
                        NoteKeyType.ED25519,
                        SUITE.generateSigningKeyPair().getPublic())
                .verifier(SUITE)
                .orElseThrow();

        assertThat(note.verify(verifier(GoNoteVectors.PETER_KEY)).isOk()).isTrue();
        assertReason(
                note.verify(stranger),
                "note is not signed by any known key (it is signed by [PeterNeumann c74f20a3, EnochRoot af0cfe78])");
        assertReason(
                note.verify(List.of(verifier(GoNoteVectors.PETER_KEY), stranger), 2),
                "note is signed by 1 of the known keys, 2 required");
    }

    @Test
    void verify_rejectsTheWholeNoteWhenAKnownKeysSignatureFails() {
        String tampered = GoNoteVectors.TEXT.replace("cryptography", "cryptographY") + "\n"
                + GoNoteVectors.PETER_SIGNATURE + GoNoteVectors.ENOCH_SIGNATURE;
        SignedNote note = SignedNote.parse(tampered).orElseThrow();

        assertReason(
                note.verify(verifier(GoNoteVectors.ENOCH_KEY)),
                "signature by EnochRoot (key id af0cfe78) does not verify");
    }

    @Test
    void verify_refusesTwoSignaturesByOneKey() {
        String encoded = GoNoteVectors.TEXT + "\n" + GoNoteVectors.PETER_SIGNATURE + GoNoteVectors.PETER_SIGNATURE;
        assertReason(
                SignedNote.parse(encoded).orElseThrow().verify(verifier(GoNoteVectors.PETER_KEY)),
                "note carries two signatures by PeterNeumann (key id c74f20a3)");
    }

    @Test
    void verify_acceptsTheSignedNoteSpecExample_andRealGoChecksumDatabaseCheckpoints() {
        assertThat(SignedNote.parse(GoNoteVectors.EXAMPLE_NOTE)
                        .orElseThrow()
                        .verify(verifier(GoNoteVectors.EXAMPLE_KEY))
                        .orElseThrow()
                        .text())
                .isEqualTo("This is an example message.\n");

        NoteVerifier sumdb = verifier(GoNoteVectors.SUMDB_KEY);
        Checkpoint checkpoint = Checkpoint.open(GoNoteVectors.SUMDB_CHECKPOINT_65209736, List.of(sumdb), 1)
                .orElseThrow();
        assertThat(checkpoint.origin()).isEqualTo("go.sum database tree");
        assertThat(checkpoint.size()).isEqualTo(65209736);
        assertThat(Checkpoint.open(GoNoteVectors.SUMDB_CHECKPOINT_31700353, List.of(sumdb), 1)
                        .orElseThrow()
                        .size())
                .isEqualTo(31700353);
    }

    @Test
    void parse_refusesMalformedNotesWithReasons() {
        String sig = GoNoteVectors.PETER_SIGNATURE;
        assertReason(SignedNote.parse(GoNoteVectors.TEXT + sig), "no blank line between its text and its signatures");
        assertReason(SignedNote.parse(GoNoteVectors.TEXT + "\n"), "no signature lines");
        assertReason(SignedNote.parse(GoNoteVectors.TEXT + "\n" + sig.trim()), "does not end with a newline");
        assertReason(
                SignedNote.parse(GoNoteVectors.TEXT + "\n" + sig.replace('\u2014', '-')),
                "signature line 1 does not start with an em dash");
        assertReason(
                SignedNote.parse(GoNoteVectors.TEXT + "\n" + sig.replace("x08go", "x08g!")),
                "signature line 1 (PeterNeumann) is not base64");
        assertReason(
                SignedNote.parse(GoNoteVectors.TEXT + "\n" + sig.replace("AM=", "AM")), "not canonical padded base64");
        assertReason(
                SignedNote.parse(GoNoteVectors.TEXT + "\n\u2014 PeterNeumann AAAA\n"),
                "has 3 bytes, fewer than a key ID and a signature");
        assertReason(
                SignedNote.parse(GoNoteVectors.TEXT + "\n\u2014 Peter Neumann AAAA\n"),
                "is not '— <name> <base64 signature>'");
        assertReason(SignedNote.parse("tab\there\n\n" + sig), "control character U+0009 at offset 3");
        assertReason(
                SignedNote.parse(GoNoteVectors.TEXT + "\n" + sig.repeat(101)),
                "101 signature lines, more than the 100 accepted");
        assertReason(
                SignedNote.parse("x".repeat(SignedNote.MAX_NOTE_BYTES) + "\n\n" + sig),
                "exceeds the limit of 1048576 bytes");
        assertReason(SignedNote.parse(new byte[] {'a', (byte) 0xff, '\n', '\n'}), "not valid UTF-8");
    }

    @Test
    void parse_acceptsTheMaximumNumberOfSignatures() {
        String encoded = GoNoteVectors.TEXT + "\n" + GoNoteVectors.PETER_SIGNATURE.repeat(SignedNote.MAX_SIGNATURES);
        assertThat(SignedNote.parse(encoded).orElseThrow().signatures()).hasSize(SignedNote.MAX_SIGNATURES);
    }

    @Test
    void textWithBlankLines_isSeparatedAtTheLastBlankLine() {
        KeyPair keys = SUITE.generateSigningKeyPair();
        SuiteNoteSigner signer = SuiteNoteSigner.create("log", keys, SUITE);
        String text = "first\n\nsecond\n";
        SignedNote parsed = SignedNote.parse(
                        SignedNote.sign(text, List.of(signer)).format())
                .orElseThrow();

        assertThat(parsed.text()).isEqualTo(text);
        assertThat(parsed.verify(signer.key().verifier(SUITE).orElseThrow()).isOk())
                .isTrue();
    }

    @Test
    void sign_refusesTextThatIsNotANoteText() {
        SuiteNoteSigner signer = SuiteNoteSigner.create("log", SUITE.generateSigningKeyPair(), SUITE);
        assertThatThrownBy(() -> SignedNote.sign("no newline", List.of(signer)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("bell\u0007\n", List.of(signer)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verify_refusesAnImpossibleOrAmbiguousPolicy() {
        SignedNote note = SignedNote.parse(GoNoteVectors.TEXT + "\n" + GoNoteVectors.PETER_SIGNATURE)
                .orElseThrow();
        NoteVerifier peter = verifier(GoNoteVectors.PETER_KEY);
        assertThatThrownBy(() -> note.verify(List.of(peter), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> note.verify(List.of(peter, verifier(GoNoteVectors.PETER_KEY)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two known keys are named PeterNeumann");
        assertThat(note.textBytes()).isEqualTo(GoNoteVectors.TEXT.getBytes(StandardCharsets.UTF_8));
    }
}
