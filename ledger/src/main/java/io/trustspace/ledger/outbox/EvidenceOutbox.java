package io.trustspace.ledger.outbox;

import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.SignedEvidence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A node's evidence outbox (port). {@link #add} and the subject-head methods take part in the caller's transaction,
 * so evidence commits or rolls back with the state change it records. Delivery is at least once: a claimed record
 * whose delivery is not confirmed becomes due again after its lease.
 *
 * <p>Implementations must be thread-safe and safe to share between replicas of a node.
 */
public interface EvidenceOutbox {

    /**
     * Adds {@code evidence} and makes it the head of each of its subjects. The {@code payload} whose digest the
     * record carries is kept with it: the ledger holds only the digest, so the payload is what this node shows when
     * it has to prove what the record attests.
     */
    void add(SignedEvidence evidence, byte[] payload, Instant now);

    /** A record this node wrote, with its payload (absent for records kept before payloads were) and receipt. */
    record KeptEvidence(SignedEvidence evidence, Optional<byte[]> payload, Optional<Receipt> receipt) {}

    /** One record this node wrote, by its id. */
    Optional<KeptEvidence> find(String recordId);

    /** The id of the last record this node wrote about {@code subject}. */
    Optional<String> head(String subject);

    /**
     * Claims up to {@code max} due records for delivery, oldest first, and pushes their next attempt to
     * {@code leaseUntil} so that no other appender takes them meanwhile.
     */
    List<OutboxRecord> claimDue(int max, Instant now, Instant leaseUntil);

    /** What became of one delivered record: a receipt, or the reason it must be retried at {@code retryAt}. */
    record Delivery(String recordId, Receipt receipt, String failure, Instant retryAt) {
        public static Delivery appended(String recordId, Receipt receipt) {
            return new Delivery(recordId, receipt, null, null);
        }

        public static Delivery failed(String recordId, String reason, Instant retryAt) {
            return new Delivery(recordId, null, reason, retryAt);
        }
    }

    /**
     * Records the outcome of a delivered batch at once (one transaction), so that storing receipts costs one commit
     * per batch rather than one per record.
     */
    void record(List<Delivery> deliveries, Instant now);

    /** The stored receipt of an appended record. */
    Optional<Receipt> receipt(String recordId);

    /** How many records wait for delivery. */
    long pending();
}
