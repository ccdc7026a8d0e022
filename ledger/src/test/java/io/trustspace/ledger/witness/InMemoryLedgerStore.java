package io.trustspace.ledger.witness;

import io.trustspace.ledger.log.LedgerStore;
import io.trustspace.ledger.log.LogEntry;
import io.trustspace.ledger.log.StoredCheckpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link LedgerStore} in memory, so witness tests can run the real {@code EvidenceLog}. Thread-safe. */
final class InMemoryLedgerStore implements LedgerStore {

    private final List<LogEntry> entries = new ArrayList<>();
    private final TreeMap<Long, StoredCheckpoint> checkpoints = new TreeMap<>();
    private volatile Runnable beforeNoteUpdate = () -> {};
    private volatile Runnable afterLatestRead = () -> {};
    private volatile boolean failNextAppend;
    private int failingLoads;

    @Override
    public synchronized void forEachEntry(EntryVisitor visitor) {
        if (failingLoads > 0) {
            failingLoads--;
            throw new IllegalStateException("connection refused (test)");
        }
        entries.forEach(entry -> visitor.visit(entry.index(), entry.entry(), entry.leafHash()));
    }

    @Override
    public Optional<StoredCheckpoint> latestCheckpoint() {
        Optional<StoredCheckpoint> latest;
        synchronized (this) {
            latest = checkpoints.isEmpty()
                    ? Optional.empty()
                    : Optional.of(checkpoints.lastEntry().getValue());
        }
        afterLatestRead.run(); // outside the lock, like beforeNoteUpdate
        return latest;
    }

    /** Runs {@code hook} after every read of the latest checkpoint (a reload reads it), e.g. to race a merge. */
    void afterLatestRead(Runnable hook) {
        afterLatestRead = hook;
    }

    /** Makes the next {@code count} reloads of the whole log fail, as a database that is still down would. */
    synchronized void failNextLoads(int count) {
        failingLoads = count;
    }

    /** Makes the next {@code append} fail, as a lost database connection would. */
    void failNextAppend() {
        failNextAppend = true;
    }

    @Override
    public synchronized Optional<StoredCheckpoint> checkpoint(long size) {
        return Optional.ofNullable(checkpoints.get(size));
    }

    @Override
    public synchronized void append(List<LogEntry> appended, StoredCheckpoint checkpoint) {
        if (failNextAppend) {
            failNextAppend = false;
            throw new IllegalStateException("connection lost (test)");
        }
        entries.addAll(appended);
        checkpoints.put(checkpoint.size(), checkpoint);
    }

    @Override
    public void updateCheckpointNote(long size, String note) {
        beforeNoteUpdate.run(); // outside the lock: the hook may append through the log's writer
        synchronized (this) {
            StoredCheckpoint old = checkpoints.get(size);
            checkpoints.put(size, new StoredCheckpoint(size, old.rootHash(), note, old.issuedAt()));
        }
    }

    /** Runs {@code hook} at the start of every cosignature update, e.g. to let a commit land in that window. */
    void beforeNoteUpdate(Runnable hook) {
        beforeNoteUpdate = hook;
    }

    @Override
    public synchronized Map<String, Long> indicesOf(Collection<String> recordIds) {
        Map<String, Long> found = new HashMap<>();
        for (LogEntry entry : entries) {
            if (recordIds.contains(entry.recordId())) {
                found.put(entry.recordId(), entry.index());
            }
        }
        return found;
    }

    @Override
    public synchronized Optional<LogEntry> entry(long index) {
        return index < entries.size() ? Optional.of(entries.get((int) index)) : Optional.empty();
    }

    @Override
    public synchronized List<byte[]> entries(long from, int count) {
        List<byte[]> bodies = new ArrayList<>();
        for (long i = from; i < Math.min(entries.size(), from + count); i++) {
            bodies.add(entries.get((int) i).entry());
        }
        return bodies;
    }

    @Override
    public synchronized List<LogEntry> bySubject(String subject, int limit) {
        return entries.stream()
                .filter(entry -> entry.subjects().contains(subject))
                .limit(limit)
                .toList();
    }
}
