package io.trustspace.identity.credential;

import java.util.List;
import java.util.Optional;

/**
 * The issuer's status lists (port): which positions are taken, and the revocation and suspension bit of each. The
 * in-memory implementation is {@link InMemoryStatusListStore}; a persistent one keeps, per list, the allocation
 * bitmap and one bitstring per purpose, and must keep every guarantee below across restarts and replicas.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #allocate} never hands out a position twice, not even after a restart, and positions are never
 *       reused: a revoked index stays revoked for good. Indexes should be chosen at random within a list (the spec
 *       asks for this, so that an index reveals neither issuance order nor group size); a new list is opened when
 *       the current one is full. Every list has the same number of entries, at least {@link
 *       BitstringStatusList#MIN_ENTRIES}.
 *   <li>{@link #set} is idempotent. It must commit before the caller publishes the change; it does not enforce that
 *       revocation is final (that is {@link StatusListPublisher}'s rule).
 *   <li>{@link #list} returns a consistent snapshot of one purpose's bits, including every {@link #set} that
 *       returned before the call.
 * </ul>
 *
 * <p>Implementations must be thread-safe. A position that was never allocated is a programming error: {@link #set}
 * and {@link #isSet} throw {@link IllegalArgumentException} for it. Storage failures are exceptions.
 */
public interface StatusListStore {

    /** A fresh position for a new credential's status. */
    StatusListPosition allocate();

    /** Sets or clears the {@code purpose} bit of {@code position}. */
    void set(StatusListPosition position, StatusPurpose purpose, boolean value);

    /** The {@code purpose} bit of {@code position}. */
    boolean isSet(StatusListPosition position, StatusPurpose purpose);

    /** A snapshot of list {@code listId}'s {@code purpose} bits, or empty if there is no such list. */
    Optional<BitstringStatusList> list(String listId, StatusPurpose purpose);

    /** The ids of all lists, oldest first: what the operator publishes. */
    List<String> listIds();
}
