package io.trustspace.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link WitnessStore} must have. Extend it once per implementation and return a store from
 * {@link #newStore()}; each test uses origins of its own, so a store backed by a shared database need not be
 * emptied between tests. Test methods are public so that subclasses in other packages (app) inherit them.
 */
public abstract class WitnessStoreContract {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    /** The store under test. Called once per test. */
    protected abstract WitnessStore newStore();

    @Test
    public void unknownOrigin_hasNoState() {
        assertThat(newStore().latest(origin())).isEmpty();
    }

    @Test
    public void insertIfAbsent_recordsTheFirstState_once() {
        WitnessStore store = newStore();
        String origin = origin();

        assertThat(store.insertIfAbsent(origin, tree(5, 1), NOW)).isTrue();
        assertThat(store.insertIfAbsent(origin, tree(9, 2), NOW)).isFalse();

        assertThat(store.latest(origin)).contains(tree(5, 1));
    }

    @Test
    public void compareAndSet_replacesOnlyTheExpectedTree() {
        WitnessStore store = newStore();
        String origin = origin();
        store.insertIfAbsent(origin, tree(5, 1), NOW);

        assertThat(store.compareAndSet(origin, tree(5, 2), tree(8, 3), NOW))
                .as("same size, other root")
                .isFalse();
        assertThat(store.compareAndSet(origin, tree(4, 1), tree(8, 3), NOW))
                .as("other size")
                .isFalse();
        assertThat(store.latest(origin)).contains(tree(5, 1));

        assertThat(store.compareAndSet(origin, tree(5, 1), tree(8, 3), NOW)).isTrue();
        assertThat(store.latest(origin)).contains(tree(8, 3));
        assertThat(store.compareAndSet(origin, tree(5, 1), tree(9, 4), NOW))
                .as("stale expectation")
                .isFalse();
        assertThat(store.latest(origin)).contains(tree(8, 3));
    }

    @Test
    public void compareAndSet_matchesTheTree_notTheNote() {
        WitnessStore store = newStore();
        String origin = origin();
        store.insertIfAbsent(origin, tree(5, 1), NOW);
        CosignedCheckpoint sameTreeOtherNote = new CosignedCheckpoint(5, root(1), "note with more signatures\n");

        assertThat(store.compareAndSet(origin, sameTreeOtherNote, tree(6, 2), NOW))
                .isTrue();
    }

    @Test
    public void compareAndSet_toTheSameTree_succeedsWhileItIsCurrent() {
        WitnessStore store = newStore();
        String origin = origin();
        store.insertIfAbsent(origin, tree(5, 1), NOW);

        assertThat(store.compareAndSet(origin, tree(5, 1), tree(5, 1), NOW.plusSeconds(1)))
                .isTrue();
        assertThat(store.latest(origin)).contains(tree(5, 1));
    }

    @Test
    public void compareAndSet_neverMovesBackwards_norCreatesState() {
        WitnessStore store = newStore();
        String origin = origin();
        store.insertIfAbsent(origin, tree(5, 1), NOW);

        assertThatThrownBy(() -> store.compareAndSet(origin, tree(5, 1), tree(4, 2), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.latest(origin)).contains(tree(5, 1));
        String absent = origin();
        assertThat(store.compareAndSet(absent, tree(5, 1), tree(6, 2), NOW)).isFalse();
        assertThat(store.latest(absent)).isEmpty();
    }

    @Test
    public void origins_areIndependent() {
        WitnessStore store = newStore();
        String a = origin();
        String b = origin();
        store.insertIfAbsent(a, tree(5, 1), NOW);
        store.insertIfAbsent(b, tree(7, 2), NOW);

        store.compareAndSet(a, tree(5, 1), tree(6, 3), NOW);

        assertThat(store.latest(a)).contains(tree(6, 3));
        assertThat(store.latest(b)).contains(tree(7, 2));
    }

    @Test
    public void sizesUpTo2To63Minus1_andTheNote_areKeptExactly() {
        WitnessStore store = newStore();
        String origin = origin();
        String note =
                "space.example.org/ledger\n9223372036854775807\nAAAA\n\n\u2014 space.example.org/ledger AAAAAAA=\n";
        CosignedCheckpoint huge = new CosignedCheckpoint(Long.MAX_VALUE, root(9), note);

        store.insertIfAbsent(origin, huge, NOW);

        CosignedCheckpoint read = store.latest(origin).orElseThrow();
        assertThat(read.size()).isEqualTo(Long.MAX_VALUE);
        assertThat(read.rootHash()).isEqualTo(root(9));
        assertThat(read.signedNote()).isEqualTo(note);
    }

    @Test
    public void racingCompareAndSets_fromOneState_haveExactlyOneWinner() throws Exception {
        WitnessStore store = newStore();
        String origin = origin();
        store.insertIfAbsent(origin, tree(10, 0), NOW);
        int racers = 4; // few enough for a small connection pool
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 1; i <= racers; i++) {
                int racer = i;
                Callable<Boolean> race = () -> {
                    start.await();
                    return store.compareAndSet(origin, tree(10, 0), tree(10 + racer, racer), NOW);
                };
                results.add(threads.submit(race));
            }
            start.countDown();
            int winner = -1;
            for (int i = 0; i < racers; i++) {
                if (results.get(i).get(30, TimeUnit.SECONDS)) {
                    assertThat(winner).as("a second winner").isEqualTo(-1);
                    winner = i + 1;
                }
            }
            assertThat(winner).isPositive();
            assertThat(store.latest(origin)).contains(tree(10 + winner, winner));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void racingInserts_haveExactlyOneWinner() throws Exception {
        WitnessStore store = newStore();
        String origin = origin();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int racer = i;
                results.add(threads.submit(() -> {
                    start.await();
                    return store.insertIfAbsent(origin, tree(racer, racer), NOW);
                }));
            }
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    /** A fresh origin, unique across tests and runs. */
    protected static String origin() {
        return "contract.example/" + UUID.randomUUID();
    }

    /** A cosigned checkpoint of {@code size} whose root is derived from {@code seed}. */
    protected static CosignedCheckpoint tree(long size, int seed) {
        return new CosignedCheckpoint(size, root(seed), "note " + size + " " + seed + "\n");
    }

    private static byte[] root(int seed) {
        byte[] root = new byte[32];
        root[0] = (byte) seed;
        root[31] = (byte) (seed * 7);
        return root;
    }
}
