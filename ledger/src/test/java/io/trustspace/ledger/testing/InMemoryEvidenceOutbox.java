package io.trustspace.ledger.testing;

import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import io.trustspace.ledger.outbox.OutboxRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An evidence outbox in memory that remembers what was added and whether a transaction was open at the time. */
public final class InMemoryEvidenceOutbox implements EvidenceOutbox {

    /** One added record and whether it was added inside a unit of work. */
    public record Added(SignedEvidence evidence, byte[] payload, boolean inTransaction) {
        public EvidenceRecord record() {
            return evidence.record();
        }
    }

    private final DirectTransactions transactions;
    private final List<Added> added = new ArrayList<>();
    private final Map<String, String> heads = new HashMap<>();

    public InMemoryEvidenceOutbox(DirectTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized void add(SignedEvidence evidence, byte[] payload, Instant now) {
        added.add(new Added(evidence, payload.clone(), transactions.active()));
        evidence.record()
                .subjects()
                .forEach(subject -> heads.put(subject, evidence.record().id()));
    }

    @Override
    public synchronized Optional<String> head(String subject) {
        return Optional.ofNullable(heads.get(subject));
    }

    @Override
    public synchronized List<OutboxRecord> claimDue(int max, Instant now, Instant leaseUntil) {
        return added.stream()
                .limit(max)
                .map(a -> new OutboxRecord(a.evidence(), 0))
                .toList();
    }

    @Override
    public void record(List<Delivery> deliveries, Instant now) {
        // Delivery is not under test here.
    }

    @Override
    public synchronized Optional<KeptEvidence> find(String recordId) {
        return added.stream()
                .filter(a -> a.record().id().equals(recordId))
                .findFirst()
                .map(a -> new KeptEvidence(a.evidence(), Optional.of(a.payload().clone()), Optional.empty()));
    }

    @Override
    public Optional<Receipt> receipt(String recordId) {
        return Optional.empty();
    }

    @Override
    public synchronized long pending() {
        return added.size();
    }

    public synchronized List<Added> added() {
        return List.copyOf(added);
    }

    /** The records about {@code subject}, in the order written. */
    public synchronized List<EvidenceRecord> about(String subject) {
        return added.stream()
                .map(Added::record)
                .filter(record -> record.subjects().contains(subject))
                .toList();
    }
}
