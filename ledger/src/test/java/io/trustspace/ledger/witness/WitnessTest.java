package io.trustspace.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.CosignatureSigner;
import io.trustspace.ledger.note.CosignatureVerifier;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteSignature;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SignedNote;
import io.trustspace.ledger.note.SuiteNoteSigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WitnessTest {

    static final CryptoSuite INTL = TestSuites.jdk();
    static final CryptoSuite GM = TestSuites.gm();
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
    static final String ORIGIN = "space.example.org/ledger";

    private final InMemoryWitnessStore store = new InMemoryWitnessStore();
    private final RecordingAlerts alerts = new RecordingAlerts();

    @Test
    void honestLog_isCosignedAtEachStep_andTheWitnessRemembersTheLatestTree() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL);
        Witness witness = witness(log);
        NoteVerifier witnessKey = verifierOf(witness);

        long old = 0;
        for (int grow : new int[] {1, 4, 3, 0, 92, 1}) {
            log.append(grow, "entry");
            AddCheckpointOutcome outcome = witness.addCheckpoint(log.request(old));

            assertThat(outcome).isInstanceOf(AddCheckpointOutcome.Cosigned.class);
            NoteSignature cosignature =
                    ((AddCheckpointOutcome.Cosigned) outcome).cosignatures().get(0);
            assertThat(cosignature.claimsKeyOf(witnessKey)).isTrue();
            SignedNote cosigned = log.checkpoint().withSignature(cosignature);
            assertThat(SignedNote.parse(cosigned.format())
                            .orElseThrow()
                            .verify(witnessKey)
                            .isOk())
                    .isTrue();
            assertThat(CosignatureVerifier.timestamp(cosignature.signature())).contains(CLOCK.instant());
            assertThat(store.latest(ORIGIN).orElseThrow().size()).isEqualTo(log.size());
            assertThat(store.latest(ORIGIN).orElseThrow().rootHash()).isEqualTo(log.root(log.size()));
            old = log.size();
        }
        assertThat(old).isEqualTo(101);
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void staleOldSize_isAConflictCarryingTheWitnessesLatestSize() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(3, "entry");
        Witness witness = witness(log);
        assertThat(witness.addCheckpoint(log.request(2))).isEqualTo(new AddCheckpointOutcome.Conflict(0));

        assertCosigned(witness.addCheckpoint(log.request(0)));
        log.append(5, "entry");
        assertThat(witness.addCheckpoint(log.request(0))).isEqualTo(new AddCheckpointOutcome.Conflict(3));
        assertThat(witness.addCheckpoint(log.request(2))).isEqualTo(new AddCheckpointOutcome.Conflict(3));
        assertCosigned(witness.addCheckpoint(log.request(3)));
        assertThat(store.latest(ORIGIN).orElseThrow().size()).isEqualTo(8);
    }

    @Test
    void forkedLog_isNotCosigned_andRaisesAnAlertWithBothCheckpoints() {
        KeyPair logKeys = INTL.generateSigningKeyPair();
        GrowingLog honest = new GrowingLog(ORIGIN, INTL, logKeys).append(5, "entry");
        // Same origin, same key, same first three entries, then a different history: a fork.
        GrowingLog fork =
                new GrowingLog(ORIGIN, INTL, logKeys).append(3, "entry").append(5, "forged");
        Witness witness = witness(honest);
        assertCosigned(witness.addCheckpoint(honest.request(0)));

        AddCheckpointOutcome outcome = witness.addCheckpoint(fork.request(5));

        assertThat(outcome).isInstanceOf(AddCheckpointOutcome.BadProof.class);
        assertThat(((AddCheckpointOutcome.BadProof) outcome).reason())
                .contains("consistency proof from the cosigned size 5 to 8 does not verify")
                .contains("a fork of the log");
        assertThat(store.latest(ORIGIN).orElseThrow().size()).isEqualTo(5);
        assertThat(alerts.raised).hasSize(1);
        Alert alert = alerts.raised.get(0);
        assertThat(alert.origin()).isEqualTo(ORIGIN);
        assertThat(alert.evidence())
                .contains(honest.checkpoint().format())
                .contains(fork.request(5).format())
                .contains("witness: witness.example.com/w1");

        // The honest log goes on being cosigned: the fork changed nothing.
        honest.append(3, "entry");
        assertCosigned(witness.addCheckpoint(honest.request(5)));
    }

    @Test
    void equalSizesWithDifferentRoots_isASplitView_refusedWithAnAlert() {
        KeyPair logKeys = INTL.generateSigningKeyPair();
        GrowingLog honest = new GrowingLog(ORIGIN, INTL, logKeys).append(5, "entry");
        GrowingLog fork =
                new GrowingLog(ORIGIN, INTL, logKeys).append(4, "entry").append(1, "forged");
        Witness witness = witness(honest);
        assertCosigned(witness.addCheckpoint(honest.request(0)));

        AddCheckpointOutcome outcome = witness.addCheckpoint(fork.request(5));

        assertThat(outcome).isInstanceOf(AddCheckpointOutcome.Forked.class);
        assertThat(((AddCheckpointOutcome.Forked) outcome).reason())
                .startsWith("split view: the log signed two checkpoints of size 5 with different roots");
        assertThat(AddCheckpointResponse.of(outcome).status()).isEqualTo(409);
        assertThat(store.latest(ORIGIN).orElseThrow().rootHash()).isEqualTo(honest.root(5));
        assertThat(alerts.raised)
                .singleElement()
                .satisfies(alert -> assertThat(alert.evidence())
                        .contains(honest.checkpoint().format())
                        .contains(fork.checkpoint().format()));
        // Re-submitting the checkpoint it cosigned is fine and yields a fresh cosignature.
        assertCosigned(witness.addCheckpoint(honest.request(5)));
    }

    @Test
    void checkpointNotSignedByTheLogKey_isABadSignature() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(3, "entry");
        Witness witness = witness(log);
        // Same origin and key name, another key: the impostor's signature line carries another key ID.
        GrowingLog impostor = new GrowingLog(ORIGIN, INTL).append(3, "entry");

        AddCheckpointOutcome outcome = witness.addCheckpoint(impostor.request(0));

        assertThat(outcome).isInstanceOf(AddCheckpointOutcome.BadSignature.class);
        assertThat(((AddCheckpointOutcome.BadSignature) outcome).reason()).contains("not signed by any known key");
        assertThat(AddCheckpointResponse.of(outcome).status()).isEqualTo(403);
        assertThat(store.latest(ORIGIN)).isEmpty();
    }

    @Test
    void checkpointWithAForgedSignatureByTheLogKey_isABadSignature() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(3, "entry");
        Witness witness = witness(log);
        SignedNote genuine = log.checkpoint();
        Checkpoint other = new Checkpoint(ORIGIN, 3, INTL.digest(new byte[] {1}));
        SignedNote forged = new SignedNote(other.body(), genuine.signatures()); // the log's line on another text

        AddCheckpointOutcome outcome = witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), forged));

        assertThat(outcome).isInstanceOf(AddCheckpointOutcome.BadSignature.class);
        assertThat(((AddCheckpointOutcome.BadSignature) outcome).reason()).contains("does not verify");
    }

    @Test
    void unknownOrigin_isUnknownLog_withoutStateOrAlert() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(3, "entry");
        GrowingLog stranger = new GrowingLog("elsewhere.example/log", INTL).append(3, "entry");
        Witness witness = witness(log);

        AddCheckpointOutcome outcome = witness.addCheckpoint(stranger.request(0));

        assertThat(outcome).isEqualTo(new AddCheckpointOutcome.UnknownLog("elsewhere.example/log"));
        assertThat(AddCheckpointResponse.of(outcome).status()).isEqualTo(404);
        assertThat(store.latest("elsewhere.example/log")).isEmpty();
        assertThat(alerts.raised).isEmpty();
    }

    @Test
    void tamperedProof_isRefused_andAlerted_whileAMisshapenProofIsOnlyRefused() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(5, "entry");
        Witness witness = witness(log);
        assertCosigned(witness.addCheckpoint(log.request(0)));
        log.append(6, "entry");
        ConsistencyProof honest = log.proof(5, 11);

        List<byte[]> flipped = honest.hashes();
        flipped.get(1)[0] ^= 1;
        AddCheckpointOutcome tampered = witness.addCheckpoint(request(5, flipped, log.checkpoint()));
        assertThat(tampered).isInstanceOf(AddCheckpointOutcome.BadProof.class);
        assertThat(((AddCheckpointOutcome.BadProof) tampered).reason()).contains("root mismatch");
        assertThat(AddCheckpointResponse.of(tampered).status()).isEqualTo(422);
        assertThat(alerts.raised).hasSize(1);

        List<byte[]> shortened = honest.hashes().subList(0, honest.length() - 1);
        assertThat(witness.addCheckpoint(request(5, shortened, log.checkpoint())))
                .isEqualTo(new AddCheckpointOutcome.BadProof("consistency proof has " + (honest.length() - 1)
                        + " hashes, expected " + honest.length() + " from tree size 5 to 11"));
        List<byte[]> truncatedHash = honest.hashes();
        truncatedHash.set(0, new byte[31]);
        assertThat(witness.addCheckpoint(request(5, truncatedHash, log.checkpoint())))
                .isEqualTo(new AddCheckpointOutcome.BadProof("consistency proof hash 1 has 31 bytes, expected 32"));
        assertThat(alerts.raised).hasSize(1);

        assertThat(store.latest(ORIGIN).orElseThrow().size()).isEqualTo(5);
        assertCosigned(witness.addCheckpoint(log.request(5)));
    }

    @Test
    void equalSizes_needAnEmptyProof() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(5, "entry");
        Witness witness = witness(log);
        assertCosigned(witness.addCheckpoint(log.request(0)));

        assertThat(witness.addCheckpoint(request(5, List.of(new byte[32]), log.checkpoint())))
                .isEqualTo(new AddCheckpointOutcome.BadProof(
                        "consistency proof between equal sizes 5 must be empty, but it has 1 hashes"));
    }

    @Test
    void rootHashOfTheWrongLength_orANonEmptyRootForSizeZero_isInvalid() {
        GrowingLog log = new GrowingLog(ORIGIN, INTL);
        Witness witness = witness(log);
        SuiteNoteSigner key = log.signer();

        SignedNote shortRoot = new Checkpoint(ORIGIN, 1, new byte[20]).sign(List.of(key));
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), shortRoot)))
                .isEqualTo(new AddCheckpointOutcome.Invalid(
                        "root hash has 20 bytes; the trees of " + ORIGIN + " have 32-byte hashes"));
        SignedNote emptyButRooted = new Checkpoint(ORIGIN, 0, new byte[32]).sign(List.of(key));
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), emptyButRooted)))
                .isEqualTo(new AddCheckpointOutcome.Invalid(
                        "a checkpoint of size 0 must carry the root of the empty tree"));

        assertCosigned(witness.addCheckpoint(log.request(0))); // the real empty tree
        log.append(2, "entry");
        assertCosigned(witness.addCheckpoint(log.request(0)));
    }

    @Test
    void malformedBody_isInvalid() {
        Witness witness = witness(new GrowingLog(ORIGIN, INTL));
        AddCheckpointOutcome outcome = witness.addCheckpoint("old 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(AddCheckpointOutcome.Invalid.class);
        assertThat(AddCheckpointResponse.of(outcome).status()).isEqualTo(400);
    }

    @Test
    void gmLog_withSm2KeyAndSm3Tree_isCosignedWithEd25519() {
        GrowingLog log = new GrowingLog("space.example.cn/ledger", GM).append(7, "entry");
        // The log key is configured from its published SM2 verifier key: no global security provider needed.
        KnownLog known = log.known();
        assertThat(known.suite().id()).isEqualTo(GM.id());
        Witness witness = witness(log);

        assertCosigned(witness.addCheckpoint(log.request(0)));
        log.append(9, "entry");
        AddCheckpointOutcome outcome = witness.addCheckpoint(log.request(7));

        NoteSignature cosignature =
                ((AddCheckpointOutcome.Cosigned) outcome).cosignatures().get(0);
        assertThat(log.checkpoint()
                        .withSignature(cosignature)
                        .verify(verifierOf(witness))
                        .isOk())
                .isTrue();
        // An SHA-256 proof for the same entries does not link SM3 roots.
        GrowingLog intlTwin = new GrowingLog("space.example.cn/ledger", INTL).append(20, "entry");
        List<byte[]> sha256Proof = intlTwin.proof(16, 20).hashes();
        log.append(4, "entry");
        assertThat(witness.addCheckpoint(request(16, sha256Proof, log.checkpoint())))
                .isInstanceOf(AddCheckpointOutcome.BadProof.class);
    }

    @Test
    void anAlertThatCannotBeRaised_stillRefuses() {
        KeyPair logKeys = INTL.generateSigningKeyPair();
        GrowingLog honest = new GrowingLog(ORIGIN, INTL, logKeys).append(5, "entry");
        GrowingLog fork = new GrowingLog(ORIGIN, INTL, logKeys).append(5, "forged");
        Witness witness = new Witness(
                cosigner("witness.example.com/w1"),
                List.of(honest.known()),
                store,
                (origin, reason, evidence) -> {
                    throw new IllegalStateException("alert store down");
                },
                CLOCK);
        assertCosigned(witness.addCheckpoint(honest.request(0)));

        assertThat(witness.addCheckpoint(fork.request(5))).isInstanceOf(AddCheckpointOutcome.Forked.class);
    }

    Witness witness(GrowingLog log) {
        return new Witness(cosigner("witness.example.com/w1"), List.of(log.known()), store, alerts, CLOCK);
    }

    static CosignatureSigner cosigner(String name) {
        return CosignatureSigner.create(name, INTL.generateSigningKeyPair(), INTL, CLOCK);
    }

    /** The witness's key as a client configures it: from the published verifier key text. */
    static NoteVerifier verifierOf(Witness witness) {
        return NoteKey.parse(witness.key().toVerifierKey())
                .orElseThrow()
                .verifier(INTL)
                .orElseThrow();
    }

    static AddCheckpointRequest request(long oldSize, List<byte[]> proof, SignedNote note) {
        return new AddCheckpointRequest(oldSize, proof, note);
    }

    static void assertCosigned(AddCheckpointOutcome outcome) {
        assertThat(outcome).isInstanceOf(AddCheckpointOutcome.Cosigned.class);
    }

    record Alert(String origin, String reason, String evidence) {}

    static final class RecordingAlerts implements WitnessAlerts {
        final List<Alert> raised = new ArrayList<>();

        @Override
        public synchronized void raise(String origin, String reason, String evidence) {
            raised.add(new Alert(origin, reason, evidence));
        }
    }
}
