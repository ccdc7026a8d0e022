package io.trustspace.ledger.log;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable storage of the evidence log (port). The log is append-only: entries are written once, in index order, with
 * the checkpoint that covers them in the same transaction, so after a crash the store holds a prefix of the log and a
 * checkpoint for exactly that prefix: no gap, no fork.
 *
 * <p>Implementations must be thread-safe. Only one {@link EvidenceLog} writes to a store at a time; readers may run
 * concurrently with it.
 */
public interface LedgerStore {

    /** Receives stored entries in index order while the log is loaded. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(long index, byte[] entry, byte[] leafHash);
    }

    /** Streams every stored entry in index order (to rebuild the tree at start, and to check it). */
    void forEachEntry(EntryVisitor visitor);

    /** The newest checkpoint, if any entry was ever appended. */
    Optional<StoredCheckpoint> latestCheckpoint();

    /** The checkpoint issued for exactly {@code size}, if one was. */
    Optional<StoredCheckpoint> checkpoint(long size);

    /**
     * Appends {@code entries} (consecutive indices continuing the log) and records {@code checkpoint} for the new
     * size, atomically and durably: when this returns the batch survives a crash; when it throws nothing was written.
     */
    void append(List<LogEntry> entries, StoredCheckpoint checkpoint);

    /** Replaces the note of a stored checkpoint by one that carries more (co)signatures over the same text. */
    void updateCheckpointNote(long size, String note);

    /** Leaf indices of those of {@code recordIds} that are already in the log. */
    Map<String, Long> indicesOf(Collection<String> recordIds);

    Optional<LogEntry> entry(long index);

    /** Entries {@code [from, from + count)} that exist, in index order, for entry bundles. */
    List<byte[]> entries(long from, int count);

    /** The entries that name {@code subject}, oldest first, at most {@code limit}. */
    List<LogEntry> bySubject(String subject, int limit);
}
