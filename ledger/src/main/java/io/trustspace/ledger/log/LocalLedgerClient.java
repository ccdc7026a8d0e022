package io.trustspace.ledger.log;

import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.outbox.LedgerClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operator's own outbox delivers to the ledger in the same process. The records were signed by this node a
 * moment ago, so the signature check is skipped (the outbox fast path).
 */
public final class LocalLedgerClient implements LedgerClient {

    private static final long ANSWER_TIMEOUT_SECONDS = 30;

    private final EvidenceLog log;

    public LocalLedgerClient(EvidenceLog log) {
        this.log = log;
    }

    @Override
    public List<Result<Receipt>> append(List<SignedEvidence> evidence) {
        List<CompletableFuture<Result<Receipt>>> pending =
                evidence.stream().map(log::submitVerified).toList();
        return pending.stream().map(LocalLedgerClient::await).toList();
    }

    private static Result<Receipt> await(CompletableFuture<Result<Receipt>> future) {
        try {
            return future.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unavailable("interrupted while waiting for the ledger");
        } catch (ExecutionException | TimeoutException e) {
            return Result.unavailable(
                    "the ledger did not answer: " + e.getClass().getSimpleName());
        }
    }
}
