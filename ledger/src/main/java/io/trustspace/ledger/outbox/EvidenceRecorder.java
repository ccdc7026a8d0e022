package io.trustspace.ledger.outbox;

import io.trustspace.common.tx.Transactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.SignedEvidence;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one way anything in the platform records evidence: builds the record (actor, subjects, digest of the payload,
 * time, link to the subject's previous record), signs it as this node, and writes it to the outbox in the caller's
 * transaction. The payload itself stays with its owner, kept beside the record in the outbox; only its digest goes
 * into the ledger.
 *
 * <p>Thread-safe. Must be called inside {@link Transactions#inTransaction}; it joins that transaction, and after
 * the commit it wakes the appender so evidence reaches the ledger without waiting for a poll.
 */
public final class EvidenceRecorder {

    private final Transactions transactions;
    private final EvidenceOutbox outbox;
    private final EvidenceSigner signer;
    private final CryptoSuite suite;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Runnable wakeAppender;

    public EvidenceRecorder(
            Transactions transactions,
            EvidenceOutbox outbox,
            EvidenceSigner signer,
            CryptoSuite suite,
            Clock clock,
            Supplier<String> ids,
            Runnable wakeAppender) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.signer = signer;
        this.suite = suite;
        this.clock = clock;
        this.ids = ids;
        this.wakeAppender = wakeAppender;
    }

    /**
     * Records that this node did {@code type} to {@code subjects}; {@code subjects.get(0)} is the primary subject
     * whose chain ({@code previous}) the record extends.
     *
     * @throws IllegalArgumentException when type or subjects break the evidence record rules (a programming error)
     */
    public EvidenceRecord record(String type, List<String> subjects, byte[] payload) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String primary = subjects.get(0);
            EvidenceRecord record = new EvidenceRecord(
                    ids.get(),
                    type,
                    signer.actor(),
                    subjects,
                    digest(payload),
                    now,
                    outbox.head(primary).orElse(null));
            outbox.add(new SignedEvidence(record, signer.sign(record.canonicalJson())), payload, now);
            transactions.afterCommit(wakeAppender);
            return record;
        });
    }

    /** {@code sha-256:<hex>} or {@code sm3:<hex>}: the suite hash of the payload, labelled. */
    public String digest(byte[] payload) {
        String label = suite.id() == SuiteId.GM ? "sm3:" : "sha-256:";
        return label + HexFormat.of().formatHex(suite.digest(payload));
    }
}
