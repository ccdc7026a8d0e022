package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import java.util.List;
import java.util.Optional;

/**
 * Where catalog resources are kept (port). Resources are saved whole; histories only grow.
 *
 * <p>{@link #save} is the optimistic lock:
 *
 * <ul>
 *   <li>version 0: inserts. CONFLICT if the id is taken, or if the same provider already has a resource with this
 *       local id and revision (one identifier, one resource — for ever, also after delisting);
 *   <li>version n &gt; 0: updates only if the stored version is still n. CONFLICT if another save came first,
 *       NOT_FOUND if there is no such resource.
 * </ul>
 *
 * On success it returns the resource at its new stored version (1 after an insert, n + 1 after an update). A failed
 * save changes nothing. The data address is stored with the resource but must only be read by the provider's data
 * plane.
 *
 * <p>A save takes part in the caller's transaction ({@code Transactions.inTransaction}), so the change commits with
 * its evidence. Implementations are thread-safe; of two concurrent saves of the same version exactly one succeeds.
 */
public interface ResourceRepository {

    Result<Resource> save(Resource resource);

    Optional<Resource> findById(ResourceId id);

    /** The resource whose minted identifier is exactly {@code identifier} (which must be versioned). */
    Optional<Resource> findByIdentifier(DataIdentifier identifier);

    /** Every revision of {@code provider}'s resource {@code localId}, lowest revision first. */
    List<Resource> findRevisions(String provider, String localId);

    /**
     * {@code provider}'s resources in every state, most recently changed first (last transition, then id), up to
     * {@code limit}: what the provider's connector mirrors.
     */
    List<Resource> findByProvider(String provider, int limit);

    /** Up to {@code limit} resources in {@code state}, longest-waiting first (last transition, then id). */
    List<Resource> findByState(ResourceState state, int limit);
}
