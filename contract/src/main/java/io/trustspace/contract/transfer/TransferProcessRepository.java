package io.trustspace.contract.transfer;

import io.trustspace.common.Result;
import java.util.List;
import java.util.Optional;

/**
 * Where transfer processes are kept (port). Transfer processes are saved whole; histories only grow.
 *
 * <p>{@link #save} is the optimistic lock:
 *
 * <ul>
 *   <li>version 0: inserts. CONFLICT if the id is taken;
 *   <li>version n &gt; 0: updates only if the stored version is still n. CONFLICT if another save came first,
 *       NOT_FOUND if there is no such transfer;
 *   <li>either way CONFLICT if another transfer of the same role with the same counterparty already has the
 *       same counterparty pid (so a retried request cannot open a second transfer).
 * </ul>
 *
 * On success it returns the transfer at its new stored version (1 after an insert, n + 1 after an update). A
 * failed save changes nothing. A save takes part in the caller's transaction ({@code Transactions.inTransaction}),
 * so the change commits with its evidence. Implementations are thread-safe; of two concurrent saves of the same
 * version exactly one succeeds.
 */
public interface TransferProcessRepository {

    Result<TransferProcess> save(TransferProcess transfer);

    /** By our own pid (the transfer id: providerPid as provider, consumerPid as consumer). */
    Optional<TransferProcess> findById(String id);

    /**
     * Like {@link #findById}, and the transfer stays locked against other changes until the caller's transaction ends:
     * changes to one process (a message arriving while our own step runs) queue up instead of failing on the
     * optimistic lock, which would make a legitimate message look illegal to its sender.
     */
    Optional<TransferProcess> lockById(String id);

    /** Every transfer whose providerPid is {@code providerPid} (both roles; at most one per role and counterparty). */
    List<TransferProcess> findByProviderPid(String providerPid);

    /** Every transfer whose consumerPid is {@code consumerPid} (both roles; at most one per role and counterparty). */
    List<TransferProcess> findByConsumerPid(String consumerPid);

    /** Up to {@code limit} transfer processes in {@code state}, least recently updated first (then by id). */
    List<TransferProcess> findByState(TransferState state, int limit);
}
