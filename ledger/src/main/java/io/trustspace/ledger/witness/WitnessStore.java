package io.trustspace.ledger.witness;

import java.time.Instant;
import java.util.Optional;

/**
 * A witness's durable memory (port): for each log origin, the latest checkpoint it cosigned.
 *
 * <p>State only moves forward, and only through compare-and-set, which is what keeps concurrent
 * {@code add-checkpoint} requests from rolling a log back (c2sp.org/tlog-witness requires the check of the old size
 * and the update to be atomic): a request checks against the state it read, and its write succeeds only if that
 * state is still current. A request that loses the race answers 409 with the new size.
 *
 * <p>Implementations must be thread-safe and atomic per origin, across processes if several witness processes share
 * the store. Writes must be durable when the method returns, because the witness answers with a cosignature right
 * after: a cosignature for a state the witness could later forget lets a log fork behind its back. Failures of the
 * storage itself are unexpected and throw.
 */
public interface WitnessStore {

    /** The latest checkpoint cosigned for {@code origin}, or empty if the witness never cosigned one. */
    Optional<CosignedCheckpoint> latest(String origin);

    /**
     * Records {@code first} as the state of {@code origin} if it has none yet.
     *
     * @return true if recorded; false if the origin already has a state (another request got there first)
     */
    boolean insertIfAbsent(String origin, CosignedCheckpoint first, Instant now);

    /**
     * Replaces the state of {@code origin} by {@code next} if it is still the tree of {@code expected} (same size and
     * root hash).
     *
     * @return true if replaced; false if the state is no longer {@code expected} (or absent)
     * @throws IllegalArgumentException if {@code next} is smaller than {@code expected}: state never moves backwards
     */
    boolean compareAndSet(String origin, CosignedCheckpoint expected, CosignedCheckpoint next, Instant now);

    /** The check every implementation makes before a compare-and-set. */
    static void requireForward(CosignedCheckpoint expected, CosignedCheckpoint next) {
        if (next.size() < expected.size()) {
            throw new IllegalArgumentException(
                    "a witness never moves back, from size " + expected.size() + " to " + next.size());
        }
    }
}
