package io.trustspace.catalog.resource;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a resource stands in publication. The transition table below is the whole state machine; nothing moves a
 * resource along an edge that is not in it.
 *
 * <pre>
 * DRAFT ──submit (checks pass)──▶ SUBMITTED ──list──▶ LISTED ──delist──▶ DELISTED
 *   ▲                                 │
 *   └────────reopen──── REJECTED ◀──reject
 * </pre>
 *
 * <p>A submission whose automatic checks fail is no transition: the resource stays DRAFT with the findings. DELISTED
 * is final; its identifier stays resolvable as a tombstone. Stored by {@link #name()}.
 */
public enum ResourceState {
    /** Being written by the provider; not visible in the catalog. */
    DRAFT,
    /** Passed the automatic checks; waits for an operator's review. Metadata is frozen. */
    SUBMITTED,
    /** Admitted: has a data identifier and appears in the catalog. */
    LISTED,
    /** Refused at review; the provider may reopen it as a draft. */
    REJECTED,
    /** Withdrawn from the catalog (final); its identifier resolves to a tombstone with the reason. */
    DELISTED;

    private static final Map<ResourceState, Set<ResourceState>> NEXT = table();

    private static Map<ResourceState, Set<ResourceState>> table() {
        Map<ResourceState, Set<ResourceState>> next = new EnumMap<>(ResourceState.class);
        next.put(DRAFT, EnumSet.of(SUBMITTED));
        next.put(SUBMITTED, EnumSet.of(LISTED, REJECTED));
        next.put(LISTED, EnumSet.of(DELISTED));
        next.put(REJECTED, EnumSet.of(DRAFT));
        next.put(DELISTED, EnumSet.noneOf(ResourceState.class));
        next.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
        return Collections.unmodifiableMap(next);
    }

    /** The states this one may move to. */
    public Set<ResourceState> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(ResourceState target) {
        return NEXT.get(this).contains(target);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
