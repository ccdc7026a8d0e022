package io.trustspace.app.contract;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lets a management client wait for a process to reach a state instead of polling for it: the contract services
 * report every committed change of a process with its new state, which wakes whoever waits on it for that state
 * (and nobody else: a negotiation passes five states on its way to FINALIZED).
 *
 * <p>The store stays the truth: a waiter re-reads the process after every wake-up and at least every {@link #RECHECK},
 * so a change committed by another replica of this connector is seen too, only later. Waiters are capped at
 * {@link #MAX_WAITERS}; beyond that a request is answered at once with the current state, as without waiting, so
 * waiting clients can never take all of the server's request threads.
 */
public final class ProcessWatch {

    static final Duration RECHECK = Duration.ofMillis(250);
    static final int MAX_WAITERS = 64;

    /** Who waits on a process: one latch for all its waiters, and the union of the states they wait for. */
    private record Waiting(CountDownLatch latch, Set<String> states) {
        Waiting joining(Set<String> more) {
            Set<String> union = new HashSet<>(states);
            union.addAll(more);
            return new Waiting(latch, Set.copyOf(union));
        }
    }

    private final Map<String, Waiting> changes = new ConcurrentHashMap<>();
    private final Semaphore waiters = new Semaphore(MAX_WAITERS);

    /** Process {@code id} changed to {@code state} and the change committed. */
    public void changed(String id, String state) {
        Waiting[] woken = new Waiting[1];
        changes.computeIfPresent(id, (key, waiting) -> {
            if (!waiting.states().contains(state)) {
                return waiting;
            }
            woken[0] = waiting;
            return null;
        });
        if (woken[0] != null) {
            woken[0].latch().countDown();
        }
    }

    /**
     * Reads process {@code id} with {@code read} until {@code reached} holds or {@code timeout} passes; the last read
     * either way (empty if there is no such process). {@code wakeOn} names the states worth reading again for.
     */
    public <T> Optional<T> await(
            String id, Supplier<Optional<T>> read, Predicate<T> reached, Set<String> wakeOn, Duration timeout)
            throws InterruptedException {
        if (timeout.isZero() || timeout.isNegative() || !waiters.tryAcquire()) {
            return read.get();
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                // Registered before reading, so a change committed after the read still wakes us.
                CountDownLatch latch = changes.compute(
                                id,
                                (key, waiting) -> waiting == null
                                        ? new Waiting(new CountDownLatch(1), Set.copyOf(wakeOn))
                                        : waiting.joining(wakeOn))
                        .latch();
                Optional<T> current = read.get();
                long left = deadline - System.nanoTime();
                if (current.isEmpty() || reached.test(current.get()) || left <= 0) {
                    forget(id, latch);
                    return current;
                }
                if (!latch.await(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS)) {
                    forget(id, latch);
                }
            }
        } finally {
            waiters.release();
        }
    }

    private void forget(String id, CountDownLatch latch) {
        changes.computeIfPresent(id, (key, waiting) -> waiting.latch() == latch ? null : waiting);
    }

    /** Processes someone waits on now (for tests). */
    int watched() {
        return changes.size();
    }
}
