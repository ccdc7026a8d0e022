package io.trustspace.ledger.witness;

import static io.trustspace.ledger.witness.WitnessTest.CLOCK;
import static io.trustspace.ledger.witness.WitnessTest.INTL;
import static io.trustspace.ledger.witness.WitnessTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.ledger.note.NoteSignature;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SignedNote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WitnessCoordinatorTest {

    private final GrowingLog log = new GrowingLog(ORIGIN, INTL).append(10, "entry");
    private final List<Witness> witnesses = new ArrayList<>();
    private final List<InMemoryWitnessStore> stores = new ArrayList<>();
    private final List<AtomicInteger> calls = new ArrayList<>();

    WitnessCoordinatorTest() {
        for (int i = 1; i <= 3; i++) {
            InMemoryWitnessStore store = new InMemoryWitnessStore();
            stores.add(store);
            witnesses.add(new Witness(
                    WitnessTest.cosigner("witness.example/w" + i),
                    List.of(log.known()),
                    store,
                    new WitnessTest.RecordingAlerts(),
                    CLOCK));
            calls.add(new AtomicInteger());
        }
    }

    @Test
    void cosignLatest_collectsEveryWitness_andTheCheckpointMeetsA2Of3Policy() {
        CosigningRound round = coordinator().cosignLatest();

        assertThat(round)
                .isEqualTo(new CosigningRound(
                        10, List.of("witness.example/w1", "witness.example/w2", "witness.example/w3"), Map.of()));
        SignedNote kept = log.latestCheckpoint().orElseThrow();
        assertThat(kept.signatures()).hasSize(4);
        assertThat(policy(2).check(kept.format(), logKey()).orElseThrow().size())
                .isEqualTo(10);
        assertThat(stores.get(1).latest(ORIGIN).orElseThrow().size()).isEqualTo(10);
    }

    @Test
    void growingLog_isCosignedWithAProofFromTheSizeEachWitnessHolds() {
        WitnessCoordinator coordinator = coordinator();
        coordinator.cosignLatest();
        log.append(7, "entry");

        CosigningRound round = coordinator.cosignLatest();

        assertThat(round.cosignedBy()).hasSize(3);
        assertThat(round.treeSize()).isEqualTo(17);
        assertThat(calls).allSatisfy(count -> assertThat(count.get()).isEqualTo(2));
        assertThat(coordinator.knownSize("witness.example/w3")).isEqualTo(17);
        assertThat(policy(3)
                        .check(log.latestCheckpoint().orElseThrow().format(), logKey())
                        .isOk())
                .isTrue();
    }

    @Test
    void afterARestart_theCoordinatorLearnsEachWitnessesSizeFromA409_andRetriesOnce() {
        coordinator().cosignLatest();
        log.append(5, "entry");
        WitnessCoordinator restarted = coordinator();
        assertThat(restarted.knownSize("witness.example/w1")).isZero();

        CosigningRound round = restarted.cosignLatest();

        assertThat(round.cosignedBy()).hasSize(3);
        assertThat(round.refusals()).isEmpty();
        assertThat(calls).allSatisfy(count -> assertThat(count.get()).isEqualTo(1 + 2));
        assertThat(restarted.knownSize("witness.example/w2")).isEqualTo(15);
    }

    @Test
    void aWitnessThatAlreadyCosignedTheCheckpoint_isNotAskedAgain() {
        WitnessCoordinator coordinator = coordinator();
        coordinator.cosignLatest();

        CosigningRound again = coordinator.cosignLatest();

        assertThat(again.cosignedBy()).hasSize(3);
        assertThat(calls).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(log.latestCheckpoint().orElseThrow().signatures()).hasSize(4);
    }

    @Test
    void cosignaturesThatDoNotVerify_areDropped_soTheCheckpointStaysValid() {
        NoteVerifier w1 = WitnessTest.verifierOf(witnesses.get(0));
        WitnessClient forger = request -> Result.ok(
                new AddCheckpointOutcome.Cosigned(List.of(new NoteSignature(w1.name(), w1.keyId(), new byte[72]))));
        WitnessClient stranger = request -> Result.ok(new AddCheckpointOutcome.Cosigned(List.of(NoteSignature.sign(
                WitnessTest.cosigner("someone.else/w9"), request.note().textBytes()))));
        WitnessCoordinator coordinator = new WitnessCoordinator(
                log,
                List.of(
                        new WitnessEndpoint(w1, forger),
                        new WitnessEndpoint(WitnessTest.verifierOf(witnesses.get(1)), stranger),
                        endpoint(2)));

        CosigningRound round = coordinator.cosignLatest();

        assertThat(round.cosignedBy()).containsExactly("witness.example/w3");
        assertThat(round.refusals())
                .containsEntry("witness.example/w1", "witness returned 1 cosignature(s) by its key that do not verify")
                .containsEntry("witness.example/w2", "witness returned no cosignature by its key witness.example/w2");
        SignedNote kept = log.latestCheckpoint().orElseThrow();
        assertThat(kept.signatures()).hasSize(2);
        assertThat(policy(1).check(kept.format(), logKey()).isOk()).isTrue();
    }

    @Test
    void anUnreachableOrRefusingWitness_costsOnlyItsOwnCosignature() {
        WitnessClient down = request -> Result.unavailable("connect timed out");
        Witness ignorant = new Witness(
                WitnessTest.cosigner("witness.example/w2"),
                List.of(new GrowingLog("other.example/log", INTL).known()),
                new InMemoryWitnessStore(),
                new WitnessTest.RecordingAlerts(),
                CLOCK);
        WitnessCoordinator coordinator = new WitnessCoordinator(
                log,
                List.of(
                        new WitnessEndpoint(WitnessTest.verifierOf(witnesses.get(0)), down),
                        new WitnessEndpoint(WitnessTest.verifierOf(ignorant), inProcess(ignorant, new AtomicInteger())),
                        endpoint(2)));

        CosigningRound round = coordinator.cosignLatest();

        assertThat(round.cosignedBy()).containsExactly("witness.example/w3");
        assertThat(round.refusals())
                .containsEntry("witness.example/w1", "connect timed out")
                .containsEntry("witness.example/w2", "witness refused: unknown log " + ORIGIN + " (404)");
        assertReason(
                policy(2).check(log.latestCheckpoint().orElseThrow().format(), logKey()),
                "witness cosignatures: note is signed by 1 of the known keys, 2 required");
    }

    @Test
    void aWitnessAheadOfTheLog_isReported_notPapered() {
        // The witness cosigned size 50 of this origin: a tree this log never had (or lost).
        GrowingLog other = new GrowingLog(ORIGIN, INTL).append(50, "entry");
        stores.get(0)
                .insertIfAbsent(
                        ORIGIN,
                        new CosignedCheckpoint(
                                50, other.root(50), other.checkpoint().format()),
                        CLOCK.instant());

        CosigningRound round = coordinator().cosignLatest();

        assertThat(round.refusals().get("witness.example/w1"))
                .isEqualTo("witness holds size 50, beyond the log's newest checkpoint 10: the log lost checkpoints"
                        + " or its key signed another tree");
        assertThat(round.cosignedBy()).containsExactly("witness.example/w2", "witness.example/w3");
    }

    @Test
    void anEmptyLog_hasNothingToCosign() {
        GrowingLog empty = new GrowingLog(ORIGIN, INTL);
        assertThat(new WitnessCoordinator(empty, List.of(endpoint(0))).cosignLatest())
                .isEqualTo(new CosigningRound(0, List.of(), Map.of()));
        assertThat(calls.get(0).get()).isZero();
    }

    @Test
    void twoWitnessesWithOneName_areAConfigurationError() {
        assertThatThrownBy(() -> new WitnessCoordinator(log, List.of(endpoint(0), endpoint(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two witnesses are named witness.example/w1");
    }

    /** w1 in process, w2 through the HTTP body codec both ways, w3 in process. */
    private WitnessCoordinator coordinator() {
        return new WitnessCoordinator(log, List.of(endpoint(0), endpoint(1), endpoint(2)));
    }

    private WitnessEndpoint endpoint(int i) {
        Witness witness = witnesses.get(i);
        WitnessClient client = i == 1 ? overTheWire(witness, calls.get(i)) : inProcess(witness, calls.get(i));
        return new WitnessEndpoint(WitnessTest.verifierOf(witness), client);
    }

    private static WitnessClient inProcess(Witness witness, AtomicInteger count) {
        return request -> {
            count.incrementAndGet();
            return Result.ok(witness.addCheckpoint(request));
        };
    }

    /** What the app's HTTP adapters do on either side, minus the sockets. */
    private static WitnessClient overTheWire(Witness witness, AtomicInteger count) {
        return request -> {
            count.incrementAndGet();
            byte[] body = request.format().getBytes(StandardCharsets.UTF_8);
            AddCheckpointResponse response = AddCheckpointResponse.of(witness.addCheckpoint(body));
            return AddCheckpointResponse.read(response.status(), response.contentType(), response.body(), request);
        };
    }

    private CosignaturePolicy policy(int required) {
        return new CosignaturePolicy(
                witnesses.stream().map(WitnessTest::verifierOf).toList(), required);
    }

    private NoteVerifier logKey() {
        return log.known().keys().get(0);
    }

    private static void assertReason(Result<?> result, String reason) {
        AddCheckpointRequestTest.assertReason(result, reason);
    }
}
