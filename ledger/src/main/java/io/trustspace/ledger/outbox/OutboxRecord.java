package io.trustspace.ledger.outbox;

import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.SignedEvidence;

/** An evidence record waiting in (or delivered from) a node's outbox, with its actor signature. */
public record OutboxRecord(SignedEvidence evidence, int attempts) {

    public EvidenceRecord record() {
        return evidence.record();
    }
}
