package io.trustspace.identity.participant;

import io.trustspace.common.Result;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import java.util.List;
import java.util.Optional;

/**
 * Where participants are kept (port). Participants are saved whole; the repository appends the verification
 * results and transitions it does not have yet, since histories only grow.
 *
 * <p>{@link #save} is the optimistic lock:
 *
 * <ul>
 *   <li>version 0: inserts. CONFLICT if the id, the unified social credit code or the ID-number hash is already
 *       registered (one participant per organisation or person);
 *   <li>version n &gt; 0: updates only if the stored version is still n. CONFLICT if another save came first,
 *       NOT_FOUND if there is no such participant.
 * </ul>
 *
 * On success it returns the participant at its new stored version (1 after an insert, n + 1 after an update). A
 * failed save changes nothing.
 *
 * <p>A save takes part in the caller's transaction ({@code Transactions.inTransaction}), so the change commits
 * with its evidence. Implementations are thread-safe; of two concurrent saves of the same version exactly one
 * succeeds.
 */
public interface ParticipantRepository {

    Result<Participant> save(Participant participant);

    Optional<Participant> findById(ParticipantId id);

    Optional<Participant> findByUscc(UnifiedSocialCreditCode uscc);

    /** The participant registered under this keyed ID-number hash. */
    Optional<Participant> findByIdHash(String idHash);

    /** Up to {@code limit} participants in {@code state}, longest-waiting first (last transition, then id). */
    List<Participant> findByState(ParticipantState state, int limit);

    /** How many participants are in {@code state}. */
    long countByState(ParticipantState state);
}
