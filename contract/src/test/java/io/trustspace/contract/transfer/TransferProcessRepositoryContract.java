package io.trustspace.contract.transfer;

import static io.trustspace.contract.transfer.TransferFixtures.CONSUMER;
import static io.trustspace.contract.transfer.TransferFixtures.NOW;
import static io.trustspace.contract.transfer.TransferFixtures.PULL_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.contract.message.TransferProcessResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TransferProcessRepository} must have; extend it once per implementation (exported in
 * the test-jar for the JDBC adapter).
 */
public abstract class TransferProcessRepositoryContract {

    private TransferProcessRepository repository;

    protected abstract TransferProcessRepository newRepository();

    @BeforeEach
    public void create() {
        repository = newRepository();
    }

    private static Result.Kind kind(Result<?> result) {
        assertThat(result.isOk()).as("expected a failure: %s", result).isFalse();
        return ((Result.Failure<?>) result).kind();
    }

    private TransferProcess saved(TransferProcess transfer) {
        return repository.save(transfer).orElseThrow();
    }

    @Test
    public void insert_thenUpdate_countsVersions_andKeepsEveryField() {
        TransferProcess inserted = saved(TransferFixtures.provider("p-1", TransferState.REQUESTED));
        assertThat(inserted.version()).isEqualTo(1);
        TransferProcess started = saved(
                inserted.start(PULL_ADDRESS, NOW.plusSeconds(1)).orElseThrow().transfer());
        assertThat(started.version()).isEqualTo(2);
        TransferProcess terminated = saved(started.terminate("code", List.of("a", "b"), NOW.plusSeconds(2))
                .orElseThrow()
                .transfer());
        TransferProcess loaded = repository.findById("p-1").orElseThrow();
        assertThat(loaded).isEqualTo(terminated);
        assertThat(loaded.dataAddress()).isEqualTo(PULL_ADDRESS);
        assertThat(loaded.terminationReason()).containsExactly("a", "b");
        assertThat(loaded.transitions()).isEqualTo(terminated.transitions());
    }

    @Test
    public void keepsAConsumerWithoutProviderPid_thenFindsItByTheLearnedPid() {
        TransferProcess initial = saved(TransferFixtures.consumer("c-1", TransferState.INITIAL));
        assertThat(initial.providerPid()).isNull();
        assertThat(repository.findById("c-1")).contains(initial);
        TransferProcess learned =
                saved(initial.onRequestReply(new TransferProcessResponse("prov-1", "c-1", "REQUESTED"), NOW)
                        .orElseThrow()
                        .transfer());
        assertThat(repository.findByProviderPid("prov-1")).containsExactly(learned);
        assertThat(repository.findByConsumerPid("c-1")).containsExactly(learned);
    }

    @Test
    public void insert_refusesATakenId() {
        TransferProcess transfer = TransferFixtures.provider("p-1", TransferState.REQUESTED);
        saved(transfer);
        assertThat(kind(repository.save(transfer))).isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    public void update_refusesAStaleVersion_andAnUnknownTransfer() {
        TransferProcess stored = saved(TransferFixtures.provider("p-1", TransferState.REQUESTED));
        TransferProcess started = stored.start(PULL_ADDRESS, NOW).orElseThrow().transfer();
        TransferProcess terminated =
                stored.terminate("x", List.of(), NOW).orElseThrow().transfer();
        assertThat(repository.save(started).isOk()).isTrue();
        assertThat(kind(repository.save(terminated))).isEqualTo(Result.Kind.CONFLICT);
        assertThat(repository.findById("p-1").orElseThrow().state()).isEqualTo(TransferState.STARTED);
        assertThat(kind(repository.save(TransferFixtures.provider("p-2", TransferState.REQUESTED)
                        .withVersion(5))))
                .isEqualTo(Result.Kind.NOT_FOUND);
    }

    @Test
    public void concurrentSavesOfOneVersion_exactlyOneWins() throws Exception {
        TransferProcess stored = saved(TransferFixtures.provider("p-1", TransferState.REQUESTED));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Result<TransferProcess>>> saves = List.of(
                    () -> repository.save(
                            stored.terminate("a", List.of(), NOW).orElseThrow().transfer()),
                    () -> repository.save(
                            stored.start(PULL_ADDRESS, NOW).orElseThrow().transfer()));
            long wins = 0;
            for (Future<Result<TransferProcess>> future : pool.invokeAll(saves)) {
                wins += future.get().isOk() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(repository.findById("p-1").orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aSecondTransferForTheSameCounterpartyPid_isAConflict() {
        saved(TransferProcess.requested("p-1", TransferFixtures.request("theirs"), CONSUMER, NOW)
                .orElseThrow()
                .transfer());
        assertThat(kind(repository.save(
                        TransferProcess.requested("p-2", TransferFixtures.request("theirs"), CONSUMER, NOW)
                                .orElseThrow()
                                .transfer())))
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(repository
                        .save(TransferProcess.requested(
                                        "p-3", TransferFixtures.request("theirs"), "did:web:other.example", NOW)
                                .orElseThrow()
                                .transfer())
                        .isOk())
                .isTrue();
    }

    @Test
    public void findByState_leastRecentlyUpdatedFirst_upToLimit() {
        TransferProcess first = saved(TransferProcess.requested("p-b", TransferFixtures.request("x-1"), CONSUMER, NOW)
                .orElseThrow()
                .transfer());
        TransferProcess second =
                saved(TransferProcess.requested("p-a", TransferFixtures.request("x-2"), CONSUMER, NOW.plusSeconds(1))
                        .orElseThrow()
                        .transfer());
        saved(TransferProcess.requested("p-c", TransferFixtures.request("x-3"), CONSUMER, NOW.plusSeconds(2))
                .orElseThrow()
                .transfer());
        assertThat(repository.findByState(TransferState.REQUESTED, 2))
                .extracting(TransferProcess::id)
                .containsExactly(first.id(), second.id());
        assertThat(repository.findByState(TransferState.STARTED, 10)).isEmpty();
        assertThat(repository.findByConsumerPid("x-3"))
                .extracting(TransferProcess::id)
                .containsExactly("p-c");
        assertThat(repository.findById("nobody")).isEmpty();
    }
}
