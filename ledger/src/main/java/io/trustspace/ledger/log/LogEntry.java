package io.trustspace.ledger.log;

import java.time.Instant;
import java.util.List;

/**
 * One appended record as the ledger stores it: its leaf index, the Merkle entry (the record's canonical JSON), the
 * entry's leaf hash, and the actor's JWS, kept so that anyone can re-check who signed what.
 */
public record LogEntry(
        long index,
        String recordId,
        byte[] entry,
        byte[] leafHash,
        String jws,
        List<String> subjects,
        Instant appendedAt) {

    public LogEntry {
        subjects = List.copyOf(subjects);
    }

    @Override
    public String toString() {
        return "LogEntry[" + index + ", " + recordId + "]";
    }
}
