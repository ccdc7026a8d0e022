package io.trustspace.ledger.witness;

import static io.trustspace.ledger.witness.AddCheckpointRequestTest.assertReason;
import static io.trustspace.ledger.witness.WitnessTest.GM;
import static io.trustspace.ledger.witness.WitnessTest.INTL;
import static io.trustspace.ledger.witness.WitnessTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.ledger.note.CosignatureSigner;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteSignature;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SignedNote;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignaturePolicyTest {

    private final GrowingLog log = new GrowingLog(ORIGIN, INTL).append(12, "entry");
    private final List<CosignatureSigner> witnesses = List.of(
            WitnessTest.cosigner("witness.example/w1"),
            WitnessTest.cosigner("witness.example/w2"),
            WitnessTest.cosigner("witness.example/w3"));
    private final CosignaturePolicy twoOfThree = CosignaturePolicy.fromVerifierKeys(
                    witnesses.stream().map(w -> w.key().toVerifierKey()).toList(), 2)
            .orElseThrow();

    @Test
    void twoOfThreeWitnesses_andTheLogSignature_openTheCheckpoint() {
        SignedNote note = log.checkpoint().cosign(witnesses.get(0)).cosign(witnesses.get(2));

        assertThat(twoOfThree.check(note.format(), logKey(log)).orElseThrow().size())
                .isEqualTo(12);
    }

    @Test
    void oneCosignature_isNotEnough() {
        SignedNote note = log.checkpoint().cosign(witnesses.get(1));

        assertReason(
                twoOfThree.check(note.format(), logKey(log)),
                "witness cosignatures: note is signed by 1 of the known keys, 2 required");
        assertReason(
                twoOfThree.check(log.checkpoint().format(), logKey(log)),
                "witness cosignatures: note is not signed by any known key");
    }

    @Test
    void cosignaturesWithoutTheLogSignature_areNotEnough() {
        GrowingLog impostor = new GrowingLog(ORIGIN, INTL).append(12, "entry");
        SignedNote note = impostor.checkpoint().cosign(witnesses.get(0)).cosign(witnesses.get(1));

        assertReason(
                twoOfThree.check(note.format(), logKey(log)), "log signature: note is not signed by any known key");
    }

    @Test
    void aBadCosignatureByATrustedWitness_rejectsTheCheckpoint_whileUnknownWitnessesAreIgnored() {
        SignedNote cosigned = log.checkpoint()
                .cosign(witnesses.get(0))
                .cosign(witnesses.get(1))
                .cosign(WitnessTest.cosigner("stranger.example/w9"));
        assertThat(twoOfThree.check(cosigned.format(), logKey(log)).isOk()).isTrue();

        NoteSignature genuine = cosigned.signatures().get(2);
        byte[] broken = genuine.signature();
        broken[20] ^= 1;
        SignedNote tampered = log.checkpoint()
                .cosign(witnesses.get(0))
                .withSignature(new NoteSignature(genuine.name(), genuine.keyId(), broken))
                .cosign(witnesses.get(2));
        assertReason(
                twoOfThree.check(tampered.format(), logKey(log)),
                "witness cosignatures: signature by witness.example/w2");
    }

    @Test
    void requiringNone_checksTheLogSignatureOnly() {
        CosignaturePolicy none = new CosignaturePolicy(List.of(), 0);
        assertThat(none.check(log.checkpoint().format(), logKey(log)).isOk()).isTrue();
        assertReason(none.check("not a note", logKey(log)), "note does not end with a newline");
    }

    @Test
    void gmSpace_sm2LogKey_withEd25519Cosignatures() {
        GrowingLog gmLog = new GrowingLog("space.example.cn/ledger", GM).append(3, "entry");
        SignedNote note = gmLog.checkpoint().cosign(witnesses.get(0)).cosign(witnesses.get(1));
        // Both keys configured from their published text: SM2 decodes through the crypto module's provider.
        NoteVerifier sm2LogKey = NoteKey.parse(gmLog.signer().key().toVerifierKey())
                .orElseThrow()
                .verifier(GM)
                .orElseThrow();

        assertThat(twoOfThree.check(note.format(), sm2LogKey).orElseThrow().origin())
                .isEqualTo("space.example.cn/ledger");
    }

    @Test
    void configurationErrors_areRefused() {
        String w1 = witnesses.get(0).key().toVerifierKey();
        assertReason(CosignaturePolicy.fromVerifierKeys(List.of(w1), 2), "cannot require 2 cosignatures from 1");
        assertReason(
                CosignaturePolicy.fromVerifierKeys(List.of(log.signer().key().toVerifierKey()), 1),
                "has type ED25519, not a cosignature/v1 key");
        assertReason(CosignaturePolicy.fromVerifierKeys(List.of("w1+00+AA"), 1), "is not 8 hex digits");
        assertThatThrownBy(() -> new CosignaturePolicy(List.of(), 1))
                .hasMessage("cannot require 1 cosignatures from 0 witnesses");
        assertThatThrownBy(() -> new CosignaturePolicy(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static NoteVerifier logKey(GrowingLog log) {
        return log.known().keys().get(0);
    }
}
