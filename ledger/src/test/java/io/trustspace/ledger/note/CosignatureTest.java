package io.trustspace.ledger.note;

import static io.trustspace.ledger.note.NoteKeyTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureTest {

    private static final CryptoSuite SUITE = TestSuites.jdk();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1679315147), ZoneOffset.UTC);
    private static final Checkpoint CHECKPOINT =
            new Checkpoint("space.example.org/ledger", 7, SUITE.digest(new byte[] {7}));

    @Test
    void cosignature_isTimestampThenEd25519OverTheCosignatureMessage() {
        KeyPair keys = SUITE.generateSigningKeyPair();
        CosignatureSigner witness = CosignatureSigner.create("witness.example.com/w1", keys, SUITE, CLOCK);
        byte[] body = CHECKPOINT.body().getBytes(StandardCharsets.UTF_8);

        byte[] signature = witness.sign(body);

        assertThat(signature).hasSize(8 + 64);
        assertThat(ByteBuffer.wrap(signature).getLong()).isEqualTo(1679315147L);
        byte[] message = ("cosignature/v1\ntime 1679315147\n" + CHECKPOINT.body()).getBytes(StandardCharsets.UTF_8);
        byte[] ed25519 = Arrays.copyOfRange(signature, 8, 72);
        assertThat(SUITE.verify(keys.getPublic(), message, ed25519)).isTrue();
        assertThat(witness.key().type().identifier()).containsExactly(0x04);
    }

    @Test
    void checkpointWithCosignatures_verifiesWithAQuorumOfWitnesses() {
        SuiteNoteSigner log = SuiteNoteSigner.create("space.example.org/ledger", SUITE.generateSigningKeyPair(), SUITE);
        List<CosignatureSigner> witnesses = List.of(witness("w1"), witness("w2"), witness("w3"));
        SignedNote note = CHECKPOINT.sign(List.of(log)).cosign(witnesses.get(0)).cosign(witnesses.get(2));
        List<NoteVerifier> witnessKeys =
                witnesses.stream().map(CosignatureTest::verifierOf).toList();

        SignedNote received = SignedNote.parse(note.format()).orElseThrow();

        assertThat(received.verify(verifierOf(log)).isOk()).isTrue();
        assertThat(received.verify(witnessKeys, 2).orElseThrow().verifiedSignatures())
                .extracting(NoteSignature::name)
                .containsExactly("w1", "w3");
        assertReason(received.verify(witnessKeys, 3), "note is signed by 2 of the known keys, 3 required");
        assertThat(CosignatureVerifier.timestamp(received.signatures().get(1).signature()))
                .contains(Instant.ofEpochSecond(1679315147));
    }

    @Test
    void cosignature_coversExtensionLinesAndTheTimestamp() {
        CosignatureSigner witness = witness("w1");
        Checkpoint extended = new Checkpoint("log", 3, new byte[32], List.of("extension"));
        SignedNote note = SignedNote.sign(extended.body(), List.of(witness));
        NoteVerifier key = verifierOf(witness);

        assertThat(note.verify(key).isOk()).isTrue();
        String tamperedText = note.format().replace("extension", "extensioN");
        assertReason(SignedNote.parse(tamperedText).orElseThrow().verify(key), "does not verify");

        byte[] signature = note.signatures().get(0).signature();
        signature[7] ^= 1; // move the timestamp by a second
        SignedNote retimed = new SignedNote(note.text(), List.of(new NoteSignature("w1", witness.keyId(), signature)));
        assertReason(retimed.verify(key), "signature by w1");
    }

    @Test
    void cosignatureVerifier_refusesMalformedSignatures() {
        NoteVerifier key = verifierOf(witness("w1"));
        byte[] body = CHECKPOINT.body().getBytes(StandardCharsets.UTF_8);
        assertThat(key.verify(body, new byte[71])).isFalse();
        byte[] negativeTime = new byte[72];
        negativeTime[0] = (byte) 0x80;
        assertThat(key.verify(body, negativeTime)).isFalse();
        assertThat(CosignatureVerifier.timestamp(negativeTime)).isEmpty();
    }

    @Test
    void theSpecExampleCosignature_carriesItsTimestampBigEndian() {
        SignedNote note = SignedNote.parse(GoNoteVectors.SPEC_COSIGNATURE_NOTE).orElseThrow();
        NoteSignature cosignature = note.signatures().get(1);

        assertThat(cosignature.name()).isEqualTo("witness.example.com/w1");
        assertThat(CosignatureVerifier.timestamp(cosignature.signature())).contains(Instant.ofEpochSecond(1679315147));
        assertThat(Checkpoint.parse(note.text()).orElseThrow().size()).isEqualTo(20852163);
    }

    @Test
    void cosigner_signsOnlyCheckpoints() {
        assertThatThrownBy(() -> witness("w1").sign("not\na checkpoint\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CosignatureSigner witness(String name) {
        return CosignatureSigner.create(name, SUITE.generateSigningKeyPair(), SUITE, CLOCK);
    }

    private static NoteVerifier verifierOf(NoteSigner signer) {
        NoteKey key = signer instanceof CosignatureSigner cosigner ? cosigner.key() : ((SuiteNoteSigner) signer).key();
        return NoteKey.parse(key.toVerifierKey()).orElseThrow().verifier(SUITE).orElseThrow();
    }
}
