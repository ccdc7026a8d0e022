package io.trustspace.ledger.outbox;

import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.Receipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains a node's evidence outbox into the ledger: claims due records in batches, appends them, stores each receipt,
 * and backs off exponentially (up to {@link #MAX_BACKOFF}) on records the ledger cannot take right now. Woken right
 * after a commit that added evidence; polls every {@link #POLL} as a safety net (and to pick up records whose lease
 * expired after a crash).
 *
 * <p>Records the ledger rejects for good (INVALID, UNAUTHORIZED) are retried only slowly and stay visible as
 * pending with their reason: evidence is never dropped silently.
 */
public final class OutboxAppender implements AutoCloseable {

    public static final int BATCH = 500;
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private static final Logger log = Logger.getLogger(OutboxAppender.class.getName());

    private final EvidenceOutbox outbox;
    private final LedgerClient ledger;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxAppender(EvidenceOutbox outbox, LedgerClient ledger, Clock clock) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "evidence-outbox-appender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the appender to look at the outbox now. Cheap; safe from any thread. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Delivers everything due now, on the calling thread; returns how many records were appended. */
    public int drainOnce() {
        int appended = 0;
        for (int round = 0; round < 1_000; round++) {
            Instant now = clock.instant();
            List<OutboxRecord> due = outbox.claimDue(BATCH, now, now.plus(LEASE));
            if (due.isEmpty()) {
                return appended;
            }
            List<Result<Receipt>> results =
                    ledger.append(due.stream().map(OutboxRecord::evidence).toList());
            List<EvidenceOutbox.Delivery> deliveries = new ArrayList<>(due.size());
            for (int i = 0; i < due.size(); i++) {
                OutboxRecord record = due.get(i);
                Result<Receipt> result = i < results.size()
                        ? results.get(i)
                        : Result.unavailable("the ledger answered fewer results than records");
                if (result instanceof Result.Ok<Receipt> ok) {
                    deliveries.add(
                            EvidenceOutbox.Delivery.appended(record.record().id(), ok.value()));
                    appended++;
                } else {
                    Result.Failure<Receipt> failure = (Result.Failure<Receipt>) result;
                    deliveries.add(EvidenceOutbox.Delivery.failed(
                            record.record().id(),
                            failure.kind() + ": " + failure.reason(),
                            clock.instant().plus(backoff(record.attempts() + 1))));
                }
            }
            outbox.record(deliveries, clock.instant());
            if (due.size() < BATCH) {
                return appended;
            }
        }
        return appended;
    }

    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 9);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private void run() {
        while (running) {
            try {
                drainOnce();
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store or the network failed; claimed records come due again when their lease ends.
                log.log(Level.WARNING, "evidence outbox delivery failed: " + e.getMessage(), e);
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
