package io.trustspace.ledger.witness;

import static io.trustspace.ledger.witness.WitnessTest.CLOCK;
import static io.trustspace.ledger.witness.WitnessTest.INTL;
import static io.trustspace.ledger.witness.WitnessTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SuiteNoteSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The coordinator over the operator's real {@link EvidenceLog}: receipts issued afterwards carry the cosignatures. */
class EvidenceLogWitnessingTest {

    private final SuiteNoteSigner logSigner = SuiteNoteSigner.create(ORIGIN, INTL.generateSigningKeyPair(), INTL);
    private final NoteVerifier logKey = NoteKey.parse(logSigner.key().toVerifierKey())
            .orElseThrow()
            .verifier(INTL)
            .orElseThrow();

    @Test
    void cosignaturesCollectedForTheEvidenceLog_travelWithItsReceipts() throws Exception {
        List<Witness> witnesses = new ArrayList<>();
        List<WitnessEndpoint> endpoints = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Witness witness = new Witness(
                    WitnessTest.cosigner("witness.example/w" + i),
                    List.of(KnownLog.fromVerifierKey(logSigner.key().toVerifierKey())
                            .orElseThrow()),
                    new InMemoryWitnessStore(),
                    new WitnessTest.RecordingAlerts(),
                    CLOCK);
            witnesses.add(witness);
            endpoints.add(new WitnessEndpoint(
                    WitnessTest.verifierOf(witness), request -> Result.ok(witness.addCheckpoint(request))));
        }
        CosignaturePolicy twoOfThree = new CosignaturePolicy(
                witnesses.stream().map(WitnessTest::verifierOf).toList(), 2);

        try (EvidenceLog evidenceLog =
                new EvidenceLog(new InMemoryLedgerStore(), INTL, logSigner, logKey, ORIGIN, Result::ok, CLOCK)) {
            evidenceLog.start();
            WitnessCoordinator coordinator = new WitnessCoordinator(WitnessedLog.of(evidenceLog), endpoints);
            assertThat(coordinator.cosignLatest().treeSize()).isZero();

            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 4; i++) {
                    Result<Receipt> receipt = evidenceLog
                            .submitVerified(evidence("ev-" + batch + "-" + i))
                            .get(10, TimeUnit.SECONDS);
                    assertThat(receipt.isOk()).isTrue();
                }
                CosigningRound round = coordinator.cosignLatest();
                assertThat(round.cosignedBy()).hasSize(3);
                assertThat(round.treeSize()).isEqualTo(evidenceLog.size());
            }

            Receipt receipt = evidenceLog.receipt("ev-0-0").orElseThrow();
            assertThat(twoOfThree
                            .check(receipt.signedCheckpoint(), logKey)
                            .orElseThrow()
                            .size())
                    .isEqualTo(12);
            assertThat(receipt.verify(evidence("ev-0-0").record(), INTL, logKey).isOk())
                    .isTrue();
        }
    }

    @Test
    void cosignaturesForAnOlderCheckpoint_neverRollTheLogBack() throws Exception {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        try (EvidenceLog evidenceLog = startedWithOneRecord(store)) {
            // While the cosignatures of size 1 are being stored, a commit issues the checkpoint for size 2.
            store.beforeNoteUpdate(() -> {
                store.beforeNoteUpdate(() -> {});
                try {
                    assertThat(appended(evidenceLog, "ev-2")).isTrue();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            WitnessCoordinator coordinator = oneWitness(evidenceLog);

            assertThat(coordinator.cosignLatest().treeSize()).isEqualTo(1);

            assertThat(evidenceLog.size()).isEqualTo(2);
            assertThat(evidenceLog.receipt("ev-2").isOk()).isTrue();
            assertThat(store.checkpoint(1).orElseThrow().note()).contains("witness.example/w1");
        }
    }

    @Test
    void aReloadAfterAStoreFailure_keepsACosignatureMergedMeanwhile() throws Exception {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch merged = new java.util.concurrent.CountDownLatch(1);
        try (EvidenceLog evidenceLog = startedWithOneRecord(store)) {
            WitnessCoordinator coordinator = oneWitness(evidenceLog);
            // The next append fails; the log reloads from the store, and between its reading the latest checkpoint
            // and taking it as its own, a witness's cosignature of that checkpoint is merged (if it can be).
            store.afterLatestRead(() -> {
                store.afterLatestRead(() -> {});
                java.util.concurrent.Future<?> merge = other.submit(() -> {
                    coordinator.cosignLatest();
                    merged.countDown();
                });
                try {
                    merge.get(500, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException waiting) {
                    // The merge waits for the reload to finish: the order the log must keep.
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            store.failNextAppend();

            assertThat(appended(evidenceLog, "ev-2")).isFalse();
            assertThat(merged.await(10, TimeUnit.SECONDS)).isTrue();

            // A repeat is answered by the writer, after the reload, against the checkpoint it now serves.
            Receipt receipt = evidenceLog
                    .submitVerified(evidence("ev-1"))
                    .get(10, TimeUnit.SECONDS)
                    .orElseThrow();
            assertThat(receipt.signedCheckpoint()).contains("witness.example/w1");
        } finally {
            other.shutdownNow();
        }
    }

    /** A running log over {@code store} that holds record {@code ev-1}. */
    private EvidenceLog startedWithOneRecord(InMemoryLedgerStore store) throws Exception {
        EvidenceLog evidenceLog = new EvidenceLog(store, INTL, logSigner, logKey, ORIGIN, Result::ok, CLOCK);
        evidenceLog.start();
        assertThat(appended(evidenceLog, "ev-1")).isTrue();
        return evidenceLog;
    }

    private static boolean appended(EvidenceLog evidenceLog, String id) throws Exception {
        return evidenceLog
                .submitVerified(evidence(id))
                .get(10, TimeUnit.SECONDS)
                .isOk();
    }

    private WitnessCoordinator oneWitness(EvidenceLog evidenceLog) {
        Witness witness = new Witness(
                WitnessTest.cosigner("witness.example/w1"),
                List.of(KnownLog.fromVerifierKey(logSigner.key().toVerifierKey())
                        .orElseThrow()),
                new InMemoryWitnessStore(),
                new WitnessTest.RecordingAlerts(),
                CLOCK);
        return new WitnessCoordinator(
                WitnessedLog.of(evidenceLog),
                List.of(new WitnessEndpoint(
                        WitnessTest.verifierOf(witness), request -> Result.ok(witness.addCheckpoint(request)))));
    }

    static SignedEvidence evidence(String id) {
        EvidenceRecord record = new EvidenceRecord(
                id,
                "contract.agreed",
                "did:web:provider.example",
                List.of("contract-7"),
                "sha-256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                Instant.parse("2025-03-01T08:00:00Z"),
                null);
        // The log checks only the JWS's shape here (Result::ok stands in for the DID-based verifier).
        return new SignedEvidence(record, "eyJhbGciOiJFZERTQSJ9..c2lnbmF0dXJl");
    }
}
