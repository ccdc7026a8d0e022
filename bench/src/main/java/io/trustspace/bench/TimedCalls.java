package io.trustspace.bench;

import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.log.LedgerStore;
import io.trustspace.ledger.log.LogEntry;
import io.trustspace.ledger.log.StoredCheckpoint;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import io.trustspace.ledger.outbox.LedgerClient;
import io.trustspace.ledger.outbox.OutboxRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Wall time spent in each call of the outbox path and the ledger store, summed over all threads, so a driver can say where the time of
 * an end-to-end run goes without a profiler. The wrappers add two {@code nanoTime} calls per call and nothing else.
 * Thread-safe.
 */
final class TimedCalls {

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    <T> T time(String name, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.computeIfAbsent(name, n -> new LongAdder()).add(System.nanoTime() - start);
            calls.computeIfAbsent(name, n -> new LongAdder()).increment();
        }
    }

    void time(String name, Runnable work) {
        time(name, () -> {
            work.run();
            return null;
        });
    }

    /** Forgets everything timed so far (call while nothing is being timed). */
    void reset() {
        nanos.clear();
        calls.clear();
    }

    /** Seconds spent in {@code name}, summed over threads. */
    double seconds(String name) {
        LongAdder total = nanos.get(name);
        return total == null ? 0 : total.sum() / 1e9;
    }

    long calls(String name) {
        LongAdder total = calls.get(name);
        return total == null ? 0 : total.sum();
    }

    /** One {@code name=seconds} line per call name, sorted, with the call count. */
    String report() {
        StringBuilder out = new StringBuilder();
        for (String name : new TreeMap<>(nanos).keySet()) {
            out.append(String.format("  %-22s %10.3f s in %9d calls%n", name, seconds(name), calls(name)));
        }
        return out.toString();
    }

    EvidenceOutbox outbox(EvidenceOutbox delegate) {
        return new EvidenceOutbox() {
            @Override
            public void add(SignedEvidence evidence, byte[] payload, Instant now) {
                time("outbox.add", () -> delegate.add(evidence, payload, now));
            }

            @Override
            public Optional<KeptEvidence> find(String recordId) {
                return delegate.find(recordId);
            }

            @Override
            public Optional<String> head(String subject) {
                return time("outbox.head", () -> delegate.head(subject));
            }

            @Override
            public List<OutboxRecord> claimDue(int max, Instant now, Instant leaseUntil) {
                return time("outbox.claimDue", () -> delegate.claimDue(max, now, leaseUntil));
            }

            @Override
            public void record(List<Delivery> deliveries, Instant now) {
                time("outbox.record", () -> delegate.record(deliveries, now));
            }

            @Override
            public Optional<Receipt> receipt(String recordId) {
                return delegate.receipt(recordId);
            }

            @Override
            public long pending() {
                return delegate.pending();
            }
        };
    }

    LedgerStore store(LedgerStore delegate) {
        return new LedgerStore() {
            @Override
            public void forEachEntry(EntryVisitor visitor) {
                delegate.forEachEntry(visitor);
            }

            @Override
            public Optional<StoredCheckpoint> latestCheckpoint() {
                return delegate.latestCheckpoint();
            }

            @Override
            public Optional<StoredCheckpoint> checkpoint(long size) {
                return delegate.checkpoint(size);
            }

            @Override
            public void append(List<LogEntry> entries, StoredCheckpoint checkpoint) {
                time("store.append", () -> delegate.append(entries, checkpoint));
            }

            @Override
            public void updateCheckpointNote(long size, String note) {
                delegate.updateCheckpointNote(size, note);
            }

            @Override
            public Map<String, Long> indicesOf(Collection<String> recordIds) {
                return time("store.indicesOf", () -> delegate.indicesOf(recordIds));
            }

            @Override
            public Optional<LogEntry> entry(long index) {
                return delegate.entry(index);
            }

            @Override
            public List<byte[]> entries(long from, int count) {
                return delegate.entries(from, count);
            }

            @Override
            public List<LogEntry> bySubject(String subject, int limit) {
                return delegate.bySubject(subject, limit);
            }
        };
    }

    LedgerClient ledger(LedgerClient delegate) {
        return evidence -> this.<List<Result<Receipt>>>time("ledger.append", () -> delegate.append(evidence));
    }
}
