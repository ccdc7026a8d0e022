package io.trustspace.app.contract;

import static io.trustspace.contract.transfer.TransferFixtures.CONSUMER_ADDRESS;
import static io.trustspace.contract.transfer.TransferFixtures.NOW;
import static io.trustspace.contract.transfer.TransferFixtures.PULL_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.message.TransferProcessResponse;
import io.trustspace.contract.transfer.TransferFixtures;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferProcessRepository;
import io.trustspace.contract.transfer.TransferProcessRepositoryContract;
import io.trustspace.contract.transfer.TransferState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transfer process repository contract against PostgreSQL (external too, when CI provides one), plus races. */
class JdbcTransferProcessRepositoryIT extends TransferProcessRepositoryContract {

    private static final int ROUNDS = 10;

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private JdbcTransactions transactions;
    private JdbcTransferProcessRepository jdbc;

    @Override
    protected TransferProcessRepository newRepository() {
        // The contract's fixtures reuse ids from test to test; each test starts from an empty table.
        database.execute("TRUNCATE transfer_process");
        transactions = database.transactions();
        jdbc = new JdbcTransferProcessRepository(transactions);
        return jdbc;
    }

    private static Result.Kind kind(Result<?> result) {
        assertThat(result.isOk()).as("expected a failure: %s", result).isFalse();
        return ((Result.Failure<?>) result).kind();
    }

    /** Runs each save in its own transaction on its own thread, all released together once both have begun. */
    private List<Result<TransferProcess>> race(List<Supplier<Result<TransferProcess>>> saves) throws Exception {
        CyclicBarrier started = new CyclicBarrier(saves.size());
        ExecutorService pool = Executors.newFixedThreadPool(saves.size());
        try {
            List<Callable<Result<TransferProcess>>> tasks = new ArrayList<>();
            for (Supplier<Result<TransferProcess>> save : saves) {
                tasks.add(() -> transactions.inTransaction(() -> {
                    // Both transactions hold a connection before either writes.
                    transactions.withConnection(connection -> connection.isValid(1));
                    await(started);
                    return save.get();
                }));
            }
            List<Result<TransferProcess>> results = new ArrayList<>();
            for (Future<Result<TransferProcess>> future : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long wins(List<Result<TransferProcess>> results) {
        return results.stream().filter(Result::isOk).count();
    }

    @Test
    void twoTransactionsSavingTheSameVersion_exactlyOneWins_everyRound() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            TransferProcess stored = jdbc.save(TransferFixtures.provider("r-" + round, TransferState.REQUESTED))
                    .orElseThrow();
            Instant at = NOW.plusSeconds(round + 1L);
            List<Result<TransferProcess>> results = race(List.of(
                    () -> jdbc.save(stored.start(PULL_ADDRESS, at).orElseThrow().transfer()),
                    () -> jdbc.save(stored.terminate("race", List.of(), at)
                            .orElseThrow()
                            .transfer())));
            assertThat(wins(results)).as("round %d: %s", round, results).isEqualTo(1);
            Result<TransferProcess> loser =
                    results.stream().filter(r -> !r.isOk()).findFirst().orElseThrow();
            assertThat(kind(loser)).isEqualTo(Result.Kind.CONFLICT);
            TransferProcess winner = results.stream()
                    .filter(Result::isOk)
                    .findFirst()
                    .orElseThrow()
                    .orElseThrow();
            assertThat(winner.version()).isEqualTo(2);
            assertThat(jdbc.findById("r-" + round)).contains(winner);
        }
    }

    @Test
    void twoTransactionsOpeningATransferForOneCounterpartyPid_exactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            TransferProcess first = TransferProcess.requested(
                            "a-" + round, TransferFixtures.request("their-" + round), TransferFixtures.CONSUMER, NOW)
                    .orElseThrow()
                    .transfer();
            TransferProcess second = TransferProcess.requested(
                            "b-" + round, TransferFixtures.request("their-" + round), TransferFixtures.CONSUMER, NOW)
                    .orElseThrow()
                    .transfer();
            List<Result<TransferProcess>> results = race(List.of(() -> jdbc.save(first), () -> jdbc.save(second)));
            assertThat(wins(results)).as("round %d: %s", round, results).isEqualTo(1);
            assertThat(jdbc.findByConsumerPid("their-" + round)).hasSize(1);
        }
    }

    @Test
    void aRefusedInsert_leavesTheCallersTransactionUsable() {
        TransferProcess first = jdbc.save(TransferFixtures.provider("p-1", TransferState.REQUESTED))
                .orElseThrow();
        TransferProcess retry = TransferProcess.requested(
                        "p-2", TransferFixtures.request("consumer-p-1"), TransferFixtures.CONSUMER, NOW)
                .orElseThrow()
                .transfer();
        Result<TransferProcess> afterwards = transactions.inTransaction(() -> {
            Result<TransferProcess> duplicate = jdbc.save(retry);
            assertThat(kind(duplicate)).isEqualTo(Result.Kind.CONFLICT);
            assertThat(((Result.Failure<?>) duplicate).reason())
                    .isEqualTo("transfer p-1 with did:web:consumer.example already has their pid consumer-p-1");
            return jdbc.save(first.start(PULL_ADDRESS, NOW).orElseThrow().transfer());
        });
        assertThat(afterwards.isOk()).isTrue();
        assertThat(jdbc.findById("p-1").orElseThrow().state()).isEqualTo(TransferState.STARTED);
        assertThat(jdbc.findById("p-2")).isEmpty();
    }

    @Test
    void aConsumerLearningAProviderPidAnotherTransferHas_isAConflict_andTheTransactionGoesOn() {
        TransferProcess one = jdbc.save(sentFresh("c-1")).orElseThrow();
        TransferProcess two = jdbc.save(sentFresh("c-2")).orElseThrow();
        jdbc.save(learn(one, "prov-1")).orElseThrow();
        Result<TransferProcess> afterwards = transactions.inTransaction(() -> {
            Result<TransferProcess> clash = jdbc.save(learn(two, "prov-1"));
            assertThat(kind(clash)).isEqualTo(Result.Kind.CONFLICT);
            assertThat(((Result.Failure<?>) clash).reason())
                    .isEqualTo("transfer c-1 with did:web:provider.example already has their pid prov-1");
            return jdbc.save(learn(two, "prov-2"));
        });
        assertThat(afterwards.isOk()).isTrue();
        assertThat(jdbc.findByProviderPid("prov-2"))
                .extracting(TransferProcess::id)
                .containsExactly("c-2");
        assertThat(jdbc.findById("c-2").orElseThrow().version()).isEqualTo(2);
    }

    private static TransferProcess sentFresh(String pid) {
        return TransferFixtures.consumer(pid, TransferState.INITIAL)
                .request(CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .transfer();
    }

    private static TransferProcess learn(TransferProcess transfer, String providerPid) {
        return transfer.onRequestReply(new TransferProcessResponse(providerPid, transfer.id(), "REQUESTED"), NOW)
                .orElseThrow()
                .transfer();
    }

    @Test
    void theRowHoldsTheLookupColumnsAndTheWholeAggregate() {
        jdbc.save(TransferFixtures.consumer("c-1", TransferState.STARTED)).orElseThrow();
        assertThat(database.queryString("SELECT role || ' ' || counter_party_pid || ' ' || state || ' ' || agreement_id"
                        + " FROM transfer_process WHERE id = 'c-1'"))
                .isEqualTo("CONSUMER provider-c-1 STARTED ATP0101");
        assertThat(database.queryString(
                        "SELECT body->'dataAddress'->>'endpoint' FROM transfer_process WHERE id = 'c-1'"))
                .isEqualTo("http://provider.example/data");
    }
}
