package io.trustspace.contract.negotiation;

import io.trustspace.common.Result;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Negotiations in memory, for tests and single-process demos. All methods are synchronized, which gives the port's
 * guarantees. It does not join transactions: a save is applied at once. Negotiations are immutable, so stored values
 * cannot be changed behind the repository's back.
 */
public final class InMemoryNegotiationRepository implements NegotiationRepository {

    private final Map<String, ContractNegotiation> byId = new HashMap<>();

    @Override
    public synchronized Result<ContractNegotiation> save(ContractNegotiation negotiation) {
        ContractNegotiation stored = byId.get(negotiation.id());
        if (negotiation.version() == 0 && stored != null) {
            return Result.conflict("negotiation " + negotiation.id() + " already exists");
        }
        if (negotiation.version() > 0) {
            if (stored == null) {
                return Result.notFound("no negotiation " + negotiation.id());
            }
            if (stored.version() != negotiation.version()) {
                return Result.conflict("negotiation " + negotiation.id() + " was changed concurrently: stored version "
                        + stored.version() + ", saved from version " + negotiation.version());
            }
        }
        String otherPid = negotiation.counterPartyPid();
        if (otherPid != null) {
            for (ContractNegotiation other : byId.values()) {
                if (!other.id().equals(negotiation.id())
                        && other.role() == negotiation.role()
                        && other.counterPartyId().equals(negotiation.counterPartyId())
                        && otherPid.equals(other.counterPartyPid())) {
                    return Result.conflict("negotiation " + other.id() + " with " + negotiation.counterPartyId()
                            + " already has their pid " + otherPid);
                }
            }
        }
        ContractNegotiation saved = negotiation.withVersion(negotiation.version() + 1);
        byId.put(saved.id(), saved);
        return Result.ok(saved);
    }

    @Override
    public synchronized Optional<ContractNegotiation> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Nothing to lock here: every method is synchronized, and saves are checked by version. */
    @Override
    public synchronized Optional<ContractNegotiation> lockById(String id) {
        return findById(id);
    }

    @Override
    public synchronized List<ContractNegotiation> findByProviderPid(String providerPid) {
        return byId.values().stream()
                .filter(negotiation -> providerPid.equals(negotiation.providerPid()))
                .sorted(Comparator.comparing(ContractNegotiation::createdAt).thenComparing(ContractNegotiation::id))
                .toList();
    }

    @Override
    public synchronized List<ContractNegotiation> findByConsumerPid(String consumerPid) {
        return byId.values().stream()
                .filter(negotiation -> consumerPid.equals(negotiation.consumerPid()))
                .sorted(Comparator.comparing(ContractNegotiation::createdAt).thenComparing(ContractNegotiation::id))
                .toList();
    }

    @Override
    public synchronized List<ContractNegotiation> findByState(NegotiationState state, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return byId.values().stream()
                .filter(negotiation -> negotiation.state() == state)
                .sorted(Comparator.comparing(ContractNegotiation::updatedAt).thenComparing(ContractNegotiation::id))
                .limit(limit)
                .toList();
    }
}
