package io.trustspace.identity.participant;

import io.trustspace.common.Result;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Participants in memory, for tests and single-process demos. All methods are synchronized, which gives the
 * port's guarantees (unique codes and hashes, exactly one winner among concurrent saves of one version).
 *
 * <p>It does not join transactions: a save is applied at once and not undone if the surrounding unit of work
 * fails later. Participants are immutable, so stored values cannot be changed behind the repository's back.
 */
public final class InMemoryParticipantRepository implements ParticipantRepository {

    private final Map<ParticipantId, Participant> byId = new HashMap<>();
    private final Map<String, ParticipantId> byUscc = new HashMap<>();
    private final Map<String, ParticipantId> byIdHash = new HashMap<>();

    @Override
    public synchronized Result<Participant> save(Participant participant) {
        Participant stored = byId.get(participant.id());
        if (participant.version() == 0) {
            if (stored != null) {
                return Result.conflict("participant " + participant.id() + " already exists");
            }
            Optional<String> uscc = participant.uscc().map(UnifiedSocialCreditCode::value);
            if (uscc.isPresent() && byUscc.containsKey(uscc.get())) {
                return Result.conflict(
                        "a participant with unified social credit code " + uscc.get() + " is already registered");
            }
            Optional<String> idHash = participant.idHash();
            if (idHash.isPresent() && byIdHash.containsKey(idHash.get())) {
                return Result.conflict("a participant with this resident ID number is already registered");
            }
            Participant inserted = participant.withVersion(1);
            byId.put(inserted.id(), inserted);
            uscc.ifPresent(code -> byUscc.put(code, inserted.id()));
            idHash.ifPresent(hash -> byIdHash.put(hash, inserted.id()));
            return Result.ok(inserted);
        }
        if (stored == null) {
            return Result.notFound("no participant " + participant.id());
        }
        if (stored.version() != participant.version()) {
            return Result.conflict("participant " + participant.id() + " was changed concurrently: stored version "
                    + stored.version() + ", saved from version " + participant.version());
        }
        Participant updated = participant.withVersion(participant.version() + 1);
        byId.put(updated.id(), updated);
        return Result.ok(updated);
    }

    @Override
    public synchronized Optional<Participant> findById(ParticipantId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Participant> findByUscc(UnifiedSocialCreditCode uscc) {
        return Optional.ofNullable(byUscc.get(uscc.value())).map(byId::get);
    }

    @Override
    public synchronized Optional<Participant> findByIdHash(String idHash) {
        return Optional.ofNullable(byIdHash.get(idHash)).map(byId::get);
    }

    @Override
    public synchronized List<Participant> findByState(ParticipantState state, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return byId.values().stream()
                .filter(participant -> participant.state() == state)
                .sorted(Comparator.comparing(Participant::updatedAt).thenComparing(p -> p.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long countByState(ParticipantState state) {
        return byId.values().stream().filter(p -> p.state() == state).count();
    }
}
