package io.trustspace.ledger.outbox;

import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.SignedEvidence;
import java.util.List;

/**
 * Where a node's outbox delivers evidence: the operator's ledger, in-process on the operator, over HTTP elsewhere
 * (port). Appending is idempotent by record id, so redelivery after a crash yields the same index.
 *
 * <p>Returns one result per record, in order: a receipt, INVALID/UNAUTHORIZED if the ledger refuses the record for
 * good, UNAVAILABLE if it should be retried. Thread-safe.
 */
public interface LedgerClient {

    List<Result<Receipt>> append(List<SignedEvidence> evidence);
}
