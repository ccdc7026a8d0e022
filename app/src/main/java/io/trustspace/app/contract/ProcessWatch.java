package io.trustspace.app.contract;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lets a management client wait for a process to reach a state instead of polling for it: the contract services
 * report every committed change of a process, which wakes whoever waits on it.
 *
 * <p>The store stays the truth: a waiter re-reads the process after every wake-up and at least every {@link #RECHECK},
 * so a change committed by another replica of this connector is seen too, only later. Waiters are capped at
 * {@link #MAX_WAITERS}; beyond that a request is answered at once with the current state, as without waiting, so
 * waiting clients can never take all of the server's request threads.
 */
public final class ProcessWatch {

    static final Duration RECHECK = Duration.ofMillis(250);
    static final int MAX_WAITERS = 64;

    private final Map<String, CountDownLatch> changes = new ConcurrentHashMap<>();
    private final Semaphore waiters = new Semaphore(MAX_WAITERS);

    /** Process {@code id} changed and the change committed. */
    public void changed(String id) {
        CountDownLatch latch = changes.remove(id);
        if (latch != null) {
            latch.countDown();
        }
    }

    /**
     * Reads process {@code id} with {@code read} until {@code reached} holds or {@code timeout} passes; the last read
     * either way (empty if there is no such process).
     */
    public <T> Optional<T> await(String id, Supplier<Optional<T>> read, Predicate<T> reached, Duration timeout)
            throws InterruptedException {
        if (timeout.isZero() || timeout.isNegative() || !waiters.tryAcquire()) {
            return read.get();
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                // Registered before reading, so a change committed after the read still wakes us.
                CountDownLatch latch = changes.computeIfAbsent(id, key -> new CountDownLatch(1));
                Optional<T> current = read.get();
                long left = deadline - System.nanoTime();
                if (current.isEmpty() || reached.test(current.get()) || left <= 0) {
                    changes.remove(id, latch);
                    return current;
                }
                if (!latch.await(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS)) {
                    changes.remove(id, latch);
                }
            }
        } finally {
            waiters.release();
        }
    }

    /** Processes someone waits on now (for tests). */
    int watched() {
        return changes.size();
    }
}
