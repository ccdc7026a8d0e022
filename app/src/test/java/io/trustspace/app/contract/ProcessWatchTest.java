package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Waiting for a process state: woken by a reported change, bounded by its timeout and by the waiter cap. */
class ProcessWatchTest {

    private static final Duration LONG = Duration.ofSeconds(20);
    private static final Set<String> FINAL = Set.of("FINALIZED", "TERMINATED");

    private final ProcessWatch watch = new ProcessWatch();
    private final AtomicReference<String> state = new AtomicReference<>("REQUESTED");

    @Test
    void aWaiter_returnsTheStateItWaitedFor_onceAChangeIsReported() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<String>> waiting =
                    pool.submit(() -> watch.await("n1", this::read, "FINALIZED"::equals, FINAL, LONG));
            awaitWatched(1);
            state.set("AGREED");
            watch.changed("n1", "AGREED");
            assertThat(watch.watched())
                    .as("a state nobody waits for wakes nobody")
                    .isEqualTo(1);
            state.set("FINALIZED");
            watch.changed("n1", "FINALIZED");

            assertThat(waiting.get(LONG.toSeconds(), TimeUnit.SECONDS)).contains("FINALIZED");
            assertThat(watch.watched()).as("nothing left behind").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStateReachedAlready_orANoneExistentProcess_answersAtOnce() throws Exception {
        state.set("FINALIZED");
        assertThat(watch.await("n1", this::read, "FINALIZED"::equals, FINAL, LONG))
                .contains("FINALIZED");
        assertThat(watch.await("gone", Optional::<String>empty, "FINALIZED"::equals, FINAL, LONG))
                .isEmpty();
    }

    @Test
    void aChangeMadeElsewhere_withoutAReport_isStillSeenByRereading() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Optional<String> seen = watch.await(
                "n1",
                () -> Optional.of(reads.incrementAndGet() < 3 ? "REQUESTED" : "FINALIZED"),
                "FINALIZED"::equals,
                FINAL,
                LONG);
        assertThat(seen).contains("FINALIZED");
    }

    @Test
    void theTimeout_endsTheWait_withTheCurrentState() throws Exception {
        assertThat(watch.await("n1", this::read, "FINALIZED"::equals, FINAL, Duration.ofMillis(300)))
                .contains("REQUESTED");
        assertThat(watch.watched()).isZero();
    }

    @Test
    void beyondTheWaiterCap_aRequestIsAnsweredAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ProcessWatch.MAX_WAITERS);
        try {
            List<Future<Optional<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < ProcessWatch.MAX_WAITERS; i++) {
                String id = "n" + i;
                waiting.add(pool.submit(() -> watch.await(id, this::read, "FINALIZED"::equals, FINAL, LONG)));
            }
            awaitWatched(ProcessWatch.MAX_WAITERS);

            assertThat(watch.await("one-more", this::read, "FINALIZED"::equals, FINAL, LONG))
                    .as("answered without waiting")
                    .contains("REQUESTED");

            state.set("FINALIZED");
            for (int i = 0; i < ProcessWatch.MAX_WAITERS; i++) {
                watch.changed("n" + i, "FINALIZED");
            }
            for (Future<Optional<String>> one : waiting) {
                assertThat(one.get(LONG.toSeconds(), TimeUnit.SECONDS)).contains("FINALIZED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<String> read() {
        return Optional.of(state.get());
    }

    private void awaitWatched(int count) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        boolean reached = watch.watched() >= count;
        while (!reached && System.nanoTime() < deadline) {
            Thread.sleep(10);
            reached = watch.watched() >= count;
        }
        assertThat(reached).as(count + " waiters registered").isTrue();
    }
}
