package io.trustspace.contract.transfer;

import io.trustspace.common.Result;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transfer processes in memory, for tests and single-process demos. All methods are synchronized, which gives the port's
 * guarantees. It does not join transactions: a save is applied at once. Transfer processes are immutable, so stored values
 * cannot be changed behind the repository's back.
 */
public final class InMemoryTransferProcessRepository implements TransferProcessRepository {

    private final Map<String, TransferProcess> byId = new HashMap<>();

    @Override
    public synchronized Result<TransferProcess> save(TransferProcess transfer) {
        TransferProcess stored = byId.get(transfer.id());
        if (transfer.version() == 0 && stored != null) {
            return Result.conflict("transfer " + transfer.id() + " already exists");
        }
        if (transfer.version() > 0) {
            if (stored == null) {
                return Result.notFound("no transfer " + transfer.id());
            }
            if (stored.version() != transfer.version()) {
                return Result.conflict("transfer " + transfer.id() + " was changed concurrently: stored version "
                        + stored.version() + ", saved from version " + transfer.version());
            }
        }
        String otherPid = transfer.counterPartyPid();
        if (otherPid != null) {
            for (TransferProcess other : byId.values()) {
                if (!other.id().equals(transfer.id())
                        && other.role() == transfer.role()
                        && other.counterPartyId().equals(transfer.counterPartyId())
                        && otherPid.equals(other.counterPartyPid())) {
                    return Result.conflict("transfer " + other.id() + " with " + transfer.counterPartyId()
                            + " already has their pid " + otherPid);
                }
            }
        }
        TransferProcess saved = transfer.withVersion(transfer.version() + 1);
        byId.put(saved.id(), saved);
        return Result.ok(saved);
    }

    @Override
    public synchronized Optional<TransferProcess> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Nothing to lock here: every method is synchronized, and saves are checked by version. */
    @Override
    public synchronized Optional<TransferProcess> lockById(String id) {
        return findById(id);
    }

    @Override
    public synchronized List<TransferProcess> findByProviderPid(String providerPid) {
        return byId.values().stream()
                .filter(transfer -> providerPid.equals(transfer.providerPid()))
                .sorted(Comparator.comparing(TransferProcess::createdAt).thenComparing(TransferProcess::id))
                .toList();
    }

    @Override
    public synchronized List<TransferProcess> findByConsumerPid(String consumerPid) {
        return byId.values().stream()
                .filter(transfer -> consumerPid.equals(transfer.consumerPid()))
                .sorted(Comparator.comparing(TransferProcess::createdAt).thenComparing(TransferProcess::id))
                .toList();
    }

    @Override
    public synchronized List<TransferProcess> findByState(TransferState state, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return byId.values().stream()
                .filter(transfer -> transfer.state() == state)
                .sorted(Comparator.comparing(TransferProcess::updatedAt).thenComparing(TransferProcess::id))
                .limit(limit)
                .toList();
    }
}
