package io.trustspace.app.contract;

import static io.trustspace.contract.negotiation.NegotiationFixtures.CONSUMER_ADDRESS;
import static io.trustspace.contract.negotiation.NegotiationFixtures.NOW;
import static io.trustspace.contract.negotiation.NegotiationFixtures.PROVIDER_OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.message.ContractNegotiationResponse;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.negotiation.NegotiationFixtures;
import io.trustspace.contract.negotiation.NegotiationRepository;
import io.trustspace.contract.negotiation.NegotiationRepositoryContract;
import io.trustspace.contract.negotiation.NegotiationState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/** The negotiation repository contract against PostgreSQL (external too, when CI provides one), plus races. */
class JdbcNegotiationRepositoryIT extends NegotiationRepositoryContract {

    private static final int ROUNDS = 10;

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private JdbcTransactions transactions;
    private JdbcNegotiationRepository jdbc;

    @Override
    protected NegotiationRepository newRepository() {
        // The contract's fixtures reuse ids from test to test; each test starts from an empty table.
        database.execute("TRUNCATE contract_negotiation");
        transactions = database.transactions();
        jdbc = new JdbcNegotiationRepository(transactions);
        return jdbc;
    }

    private static Result.Kind kind(Result<?> result) {
        assertThat(result.isOk()).as("expected a failure: %s", result).isFalse();
        return ((Result.Failure<?>) result).kind();
    }

    /** Runs each save in its own transaction on its own thread, all released together once both have begun. */
    private List<Result<ContractNegotiation>> race(List<Supplier<Result<ContractNegotiation>>> saves) throws Exception {
        CyclicBarrier started = new CyclicBarrier(saves.size());
        ExecutorService pool = Executors.newFixedThreadPool(saves.size());
        try {
            List<Callable<Result<ContractNegotiation>>> tasks = new ArrayList<>();
            for (Supplier<Result<ContractNegotiation>> save : saves) {
                tasks.add(() -> transactions.inTransaction(() -> {
                    // Both transactions hold a connection before either writes.
                    transactions.withConnection(connection -> connection.isValid(1));
                    await(started);
                    return save.get();
                }));
            }
            List<Result<ContractNegotiation>> results = new ArrayList<>();
            for (Future<Result<ContractNegotiation>> future : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
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

    private static long wins(List<Result<ContractNegotiation>> results) {
        return results.stream().filter(Result::isOk).count();
    }

    @Test
    void twoTransactionsSavingTheSameVersion_exactlyOneWins_everyRound() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ContractNegotiation stored = jdbc.save(fresh("r-" + round)).orElseThrow();
            Instant at = NOW.plusSeconds(round + 1L);
            List<Result<ContractNegotiation>> results = race(List.of(
                    () -> jdbc.save(
                            stored.offer(PROVIDER_OFFER, at).orElseThrow().negotiation()),
                    () -> jdbc.save(stored.terminate("race", List.of(), at)
                            .orElseThrow()
                            .negotiation())));
            assertThat(wins(results)).as("round %d: %s", round, results).isEqualTo(1);
            Result<ContractNegotiation> loser =
                    results.stream().filter(r -> !r.isOk()).findFirst().orElseThrow();
            assertThat(kind(loser)).isEqualTo(Result.Kind.CONFLICT);
            ContractNegotiation winner = results.stream()
                    .filter(Result::isOk)
                    .findFirst()
                    .orElseThrow()
                    .orElseThrow();
            assertThat(winner.version()).isEqualTo(2);
            assertThat(jdbc.findById("r-" + round)).contains(winner);
        }
    }

    @Test
    void aLockedNegotiation_makesAnotherChangeWait_untilTheHolderCommits_soBothApply() throws Exception {
        ContractNegotiation stored = jdbc.save(fresh("l-1")).orElseThrow();
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Result<ContractNegotiation>> holder = pool.submit(() -> transactions.inTransaction(() -> {
                ContractNegotiation mine = jdbc.lockById("l-1").orElseThrow();
                locked.countDown();
                await(release);
                return jdbc.save(mine.offer(PROVIDER_OFFER, NOW.plusSeconds(1))
                        .orElseThrow()
                        .negotiation());
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Result<ContractNegotiation>> waiter = pool.submit(() -> transactions.inTransaction(() -> {
                // Reads the row only once the holder's change committed, so it saves on top of it.
                ContractNegotiation theirs = jdbc.lockById("l-1").orElseThrow();
                return jdbc.save(theirs.terminate("after", List.of(), NOW.plusSeconds(2))
                        .orElseThrow()
                        .negotiation());
            }));
            Thread.sleep(200);
            assertThat(waiter.isDone()).as("blocked behind the lock").isFalse();
            release.countDown();

            assertThat(holder.get(30, TimeUnit.SECONDS).isOk()).isTrue();
            assertThat(waiter.get(30, TimeUnit.SECONDS).isOk()).isTrue();
            ContractNegotiation last = jdbc.findById("l-1").orElseThrow();
            assertThat(last.version()).isEqualTo(stored.version() + 2);
            assertThat(last.state()).isEqualTo(NegotiationState.TERMINATED);
            assertThat(jdbc.lockById("nobody")).isEmpty();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ContractNegotiation fresh(String pid) {
        return NegotiationFixtures.provider(pid, NegotiationState.REQUESTED);
    }

    @Test
    void twoTransactionsOpeningANegotiationForOneCounterpartyPid_exactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ContractNegotiation first = ContractNegotiation.requested(
                            "a-" + round,
                            NegotiationFixtures.initialRequest("their-" + round),
                            NegotiationFixtures.CONSUMER,
                            null,
                            1,
                            NOW)
                    .orElseThrow()
                    .negotiation();
            ContractNegotiation second = ContractNegotiation.requested(
                            "b-" + round,
                            NegotiationFixtures.initialRequest("their-" + round),
                            NegotiationFixtures.CONSUMER,
                            null,
                            1,
                            NOW)
                    .orElseThrow()
                    .negotiation();
            List<Result<ContractNegotiation>> results = race(List.of(() -> jdbc.save(first), () -> jdbc.save(second)));
            assertThat(wins(results)).as("round %d: %s", round, results).isEqualTo(1);
            assertThat(jdbc.findByConsumerPid("their-" + round)).hasSize(1);
        }
    }

    @Test
    void aRefusedInsert_leavesTheCallersTransactionUsable() {
        ContractNegotiation first = jdbc.save(fresh("p-1")).orElseThrow();
        Result<ContractNegotiation> afterwards = transactions.inTransaction(() -> {
            Result<ContractNegotiation> duplicate = jdbc.save(fresh("p-1"));
            assertThat(kind(duplicate)).isEqualTo(Result.Kind.CONFLICT);
            assertThat(((Result.Failure<?>) duplicate).reason()).isEqualTo("negotiation p-1 already exists");
            return jdbc.save(first.terminate("x", List.of(), NOW).orElseThrow().negotiation());
        });
        assertThat(afterwards.isOk()).isTrue();
        assertThat(jdbc.findById("p-1").orElseThrow().state()).isEqualTo(NegotiationState.TERMINATED);
    }

    @Test
    void aConsumerLearningAProviderPidAnotherNegotiationHas_isAConflict_andTheTransactionGoesOn() {
        ContractNegotiation one = sent("c-1");
        ContractNegotiation two = sent("c-2");
        jdbc.save(learn(one, "prov-1")).orElseThrow();
        Result<ContractNegotiation> afterwards = transactions.inTransaction(() -> {
            Result<ContractNegotiation> clash = jdbc.save(learn(two, "prov-1"));
            assertThat(kind(clash)).isEqualTo(Result.Kind.CONFLICT);
            assertThat(((Result.Failure<?>) clash).reason())
                    .isEqualTo("negotiation c-1 with did:web:provider.example already has their pid prov-1");
            return jdbc.save(learn(two, "prov-2"));
        });
        assertThat(afterwards.isOk()).isTrue();
        assertThat(jdbc.findByProviderPid("prov-2"))
                .extracting(ContractNegotiation::id)
                .containsExactly("c-2");
        // Consumers that do not know the provider's pid yet never clash (NULLs are distinct).
        assertThat(jdbc.save(sentFresh("c-3")).isOk()).isTrue();
        assertThat(jdbc.save(sentFresh("c-4")).isOk()).isTrue();
    }

    private ContractNegotiation sent(String pid) {
        return jdbc.save(sentFresh(pid)).orElseThrow();
    }

    private static ContractNegotiation sentFresh(String pid) {
        return NegotiationFixtures.consumer(pid, NegotiationState.INITIAL)
                .request(CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .negotiation();
    }

    private static ContractNegotiation learn(ContractNegotiation negotiation, String providerPid) {
        return negotiation
                .onRequestReply(new ContractNegotiationResponse(providerPid, negotiation.id(), "REQUESTED"), NOW)
                .orElseThrow()
                .negotiation();
    }

    @Test
    void theRowHoldsTheLookupColumnsAndTheWholeAggregate() {
        jdbc.save(NegotiationFixtures.provider("p-1", NegotiationState.AGREED)).orElseThrow();
        assertThat(database.queryString("SELECT role || ' ' || counter_party_pid || ' ' || state || ' ' || dataset_id"
                        + " FROM contract_negotiation WHERE id = 'p-1'"))
                .isEqualTo("PROVIDER consumer-p-1 AGREED ACN0101");
        assertThat(database.queryString("SELECT body->'agreement'->>'@id' FROM contract_negotiation WHERE id = 'p-1'"))
                .isEqualTo("urn:uuid:agreement-1");
    }

    @Test
    void aSave_findsItsRowByIdAlone_howeverManyNegotiationsShareTheCounterparty() throws SQLException {
        database.execute("TRUNCATE contract_negotiation");
        // The plan the server chooses before any statistics exist, as right after a burst of new negotiations.
        database.execute("ALTER TABLE contract_negotiation SET (autovacuum_enabled = false)");
        database.execute(
                "INSERT INTO contract_negotiation (id, role, provider_pid, consumer_pid, counter_party_id, state,"
                        + " dataset_id, version, body, created_at, updated_at) SELECT 'c-' || g, 'CONSUMER', 'p-' || g,"
                        + " 'c-' || g, 'did:web:provider.example', 'REQUESTED', 'ds', 1, '{}', now(), now()"
                        + " FROM generate_series(1, 5000) g");
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN (FORMAT JSON) "
                        + ProcessTable.updateSql("contract_negotiation", "dataset_id", true))) {
            Object[] values = {
                "CONSUMER",
                "p-7",
                "c-7",
                "did:web:provider.example",
                "AGREED",
                "ds",
                2L,
                "{}",
                java.time.OffsetDateTime.now(),
                java.time.OffsetDateTime.now(),
                "c-7",
                1L,
                "CONSUMER",
                "did:web:provider.example",
                "p-7"
            };
            for (int i = 0; i < values.length; i++) {
                explain.setObject(i + 1, values[i]);
            }
            try (ResultSet plan = explain.executeQuery()) {
                assertThat(plan.next()).isTrue();
                List<String> indexes = new ArrayList<>();
                java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"Index Name\": \"([^\"]+)\"")
                        .matcher(plan.getString(1));
                while (index.find()) {
                    indexes.add(index.group(1));
                }
                assertThat(indexes).as(plan.getString(1)).containsExactly("contract_negotiation_pkey");
            }
        } finally {
            database.execute("ALTER TABLE contract_negotiation RESET (autovacuum_enabled)");
        }
    }
}
