package io.trustspace.ledger.witness;

import io.trustspace.common.Result;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.log.StoredCheckpoint;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.note.SignedNote;
import java.util.Optional;

/**
 * The side of a log that a {@link WitnessCoordinator} needs (port): its newest signed checkpoint, consistency proofs
 * between its sizes, and a place to keep the cosignatures witnesses return. {@link #of(EvidenceLog)} adapts the
 * ledger's evidence log.
 *
 * <p>Implementations must be thread-safe.
 */
public interface WitnessedLog {

    /** The newest signed checkpoint, with any cosignatures already collected; empty while the log is empty. */
    Optional<SignedNote> latestCheckpoint();

    /**
     * The consistency proof between two sizes the log has had ({@code NOT_FOUND} beyond its size, {@code INVALID} for
     * {@code oldSize > newSize}).
     */
    Result<ConsistencyProof> consistencyProof(long oldSize, long newSize);

    /**
     * Keeps the signatures of {@code cosigned}, a note with the same text as a checkpoint the log issued, with that
     * checkpoint. Idempotent: signatures the checkpoint already carries are not added twice.
     */
    Result<Void> addCosignatures(SignedNote cosigned);

    /** The operator's evidence log as a witnessed log. */
    static WitnessedLog of(EvidenceLog log) {
        return new WitnessedLog() {
            @Override
            public Optional<SignedNote> latestCheckpoint() {
                return log.latestCheckpoint()
                        .map(StoredCheckpoint::note)
                        .map(note -> SignedNote.parse(note)
                                .orElseThrow()); // the log wrote and verified this note itself: unreadable is a bug
            }

            @Override
            public Result<ConsistencyProof> consistencyProof(long oldSize, long newSize) {
                return log.consistencyProof(oldSize, newSize);
            }

            @Override
            public Result<Void> addCosignatures(SignedNote cosigned) {
                return log.addCosignatures(cosigned).map(stored -> null);
            }

            @Override
            public String toString() {
                return "WitnessedLog[" + log.origin() + "]";
            }
        };
    }
}
