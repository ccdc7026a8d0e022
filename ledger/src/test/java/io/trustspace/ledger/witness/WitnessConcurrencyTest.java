package io.trustspace.ledger.witness;

import static io.trustspace.ledger.witness.WitnessTest.CLOCK;
import static io.trustspace.ledger.witness.WitnessTest.INTL;
import static io.trustspace.ledger.witness.WitnessTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Two clients race to advance one log at one witness, one of them also replaying stale sizes, while a monitor reads
 * the witness's state. Seeded and bounded; the interleaving varies from run to run, the invariants may not.
 */
class WitnessConcurrencyTest {

    private static final int LOG_SIZE = 300;
    private static final int STEPS_PER_CLIENT = 400;

    @Test
    void racingClients_neverMoveTheWitnessBackwards_norGetAStaleCheckpointCosigned() throws Exception {
        GrowingLog log = new GrowingLog(ORIGIN, INTL).append(LOG_SIZE, "entry");
        for (long size = 0; size <= LOG_SIZE; size++) {
            log.checkpoint(size); // sign up front so the clients race on the witness, not on signing
        }
        WitnessStore store = new SlowStore(new InMemoryWitnessStore(), new Random(7));
        WitnessTest.RecordingAlerts alerts = new WitnessTest.RecordingAlerts();
        Witness witness =
                new Witness(WitnessTest.cosigner("witness.example.com/w1"), List.of(log.known()), store, alerts, CLOCK);

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<List<Long>> monitor = threads.submit(() -> {
                List<Long> seen = new ArrayList<>();
                while (running.get()) {
                    seen.add(store.latest(ORIGIN).map(CosignedCheckpoint::size).orElse(-1L));
                    Thread.yield();
                }
                return seen;
            });
            Future<Long> first = threads.submit(() -> advance(witness, log, new Random(1), false));
            Future<Long> second = threads.submit(() -> advance(witness, log, new Random(2), true));
            long firstMax = first.get(60, TimeUnit.SECONDS);
            long secondMax = second.get(60, TimeUnit.SECONDS);
            running.set(false);
            List<Long> seen = monitor.get(10, TimeUnit.SECONDS);

            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i))
                        .as("witness state read %d after %d", i, i - 1)
                        .isGreaterThanOrEqualTo(seen.get(i - 1));
            }
            CosignedCheckpoint last = store.latest(ORIGIN).orElseThrow();
            assertThat(last.size()).isEqualTo(Math.max(firstMax, secondMax));
            assertThat(last.rootHash()).isEqualTo(log.root(last.size()));
            assertThat(alerts.raised).isEmpty();
        } finally {
            running.set(false);
            threads.shutdownNow();
        }
    }

    /**
     * Advances the witness by random steps, learning its size from conflicts. With {@code replayStale}, every fifth
     * step instead sends an honest but stale request (old size below what the witness holds), which must never be
     * cosigned. Returns the largest size this client got cosigned.
     */
    private static long advance(Witness witness, GrowingLog log, Random random, boolean replayStale) {
        long known = 0;
        long largestCosigned = 0;
        for (int step = 0; step < STEPS_PER_CLIENT; step++) {
            if (replayStale && step % 5 == 4 && known > 1) {
                long old = random.nextInt((int) known); // strictly below a size the witness has held
                long target = old + random.nextInt((int) (known - old) + 1);
                AddCheckpointOutcome stale = witness.addCheckpoint(log.request(old, target));
                assertThat(stale).isInstanceOf(AddCheckpointOutcome.Conflict.class);
                known = ((AddCheckpointOutcome.Conflict) stale).latestSize();
                continue;
            }
            long target = Math.min(LOG_SIZE, known + random.nextInt(4));
            AddCheckpointOutcome outcome = witness.addCheckpoint(log.request(known, target));
            if (outcome instanceof AddCheckpointOutcome.Conflict conflict) {
                assertThat(conflict.latestSize()).isGreaterThanOrEqualTo(known);
                known = conflict.latestSize();
            } else {
                assertThat(outcome).isInstanceOf(AddCheckpointOutcome.Cosigned.class);
                known = target;
                largestCosigned = Math.max(largestCosigned, target);
            }
        }
        return largestCosigned;
    }

    /** Widens the window between a request's read and its write, where a race can happen. */
    private static final class SlowStore implements WitnessStore {
        private final WitnessStore delegate;
        private final Random random;

        SlowStore(WitnessStore delegate, Random random) {
            this.delegate = delegate;
            this.random = random;
        }

        @Override
        public Optional<CosignedCheckpoint> latest(String origin) {
            return delegate.latest(origin);
        }

        @Override
        public boolean insertIfAbsent(String origin, CosignedCheckpoint first, Instant now) {
            pause();
            return delegate.insertIfAbsent(origin, first, now);
        }

        @Override
        public boolean compareAndSet(String origin, CosignedCheckpoint expected, CosignedCheckpoint next, Instant now) {
            pause();
            return delegate.compareAndSet(origin, expected, next, now);
        }

        private void pause() {
            int micros;
            synchronized (random) {
                micros = random.nextInt(200);
            }
            LockSupport.parkNanos(micros * 1_000L);
        }
    }
}
