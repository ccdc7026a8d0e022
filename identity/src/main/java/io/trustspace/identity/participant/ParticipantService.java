package io.trustspace.identity.participant;

import io.trustspace.common.Result;
import io.trustspace.common.tx.Transactions;
import io.trustspace.identity.registration.ParticipantKind;
import io.trustspace.identity.registration.RegistrationDetails;
import io.trustspace.identity.registration.RegistrationRequest;
import io.trustspace.identity.registration.RegistrationValidator;
import io.trustspace.identity.registration.Validation;
import io.trustspace.identity.verification.IdentityVerifier;
import io.trustspace.identity.verification.VerificationResult;
import io.trustspace.identity.verification.VerificationSubject;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Admission of participants on the operator: registration, verification and review.
 *
 * <ol>
 *   <li>{@link #register}: validate every field (INVALID lists them all), refuse a second registration of the same
 *       organisation or person (CONFLICT), assign {@code urn:trustspace:participant:<uuid>}, store as PENDING;
 *   <li>{@link #verify}: run every applicable {@link IdentityVerifier}, keep the results, move to UNDER_REVIEW,
 *       where the participant waits in the {@link ManualReviewQueue};
 *   <li>{@link #approve}, {@link #reject}, {@link #suspend}, {@link #reinstate}, {@link #revoke}: a named reviewer's
 *       decision with a reason.
 * </ol>
 *
 * <p>Each state change is saved and recorded as evidence ({@code participant.<event>}, and one
 * {@code participant.verification} per verification result; see {@link ParticipantEvent}) in one transaction: both commit or neither does. Verifiers run before that transaction
 * opens, so no database transaction waits for a remote registry; the optimistic lock then refuses the save if the
 * participant changed meanwhile.
 *
 * <p>Failures: INVALID (bad input), NOT_FOUND (no such participant), CONFLICT (duplicate registration, a transition
 * the current state does not allow, a stale or concurrent update). Thread-safe.
 */
public final class ParticipantService {

    private final ParticipantRepository repository;
    private final RegistrationValidator validator;
    private final List<IdentityVerifier> verifiers;
    private final Transactions transactions;
    private final EvidenceRecorder evidence;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public ParticipantService(
            ParticipantRepository repository,
            RegistrationValidator validator,
            List<IdentityVerifier> verifiers,
            Transactions transactions,
            EvidenceRecorder evidence,
            Clock clock,
            Supplier<UUID> ids) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.verifiers = List.copyOf(verifiers);
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Checks a request without registering anything: the edge's way to show every field error. */
    public Validation validate(RegistrationRequest request) {
        return validator.validate(request);
    }

    /** Registers a participant as PENDING. */
    public Result<Participant> register(RegistrationRequest request) {
        Validation validation = validator.validate(request);
        if (validation instanceof Validation.Invalid invalid) {
            return Result.invalid(invalid.describe());
        }
        RegistrationDetails details = ((Validation.Valid) validation).details();
        Optional<Participant> existing = details.creditCode()
                .flatMap(repository::findByUscc)
                .or(() -> details.idNumberHash().flatMap(repository::findByIdHash));
        if (existing.isPresent()) {
            return Result.conflict(duplicate(details, existing.get()));
        }
        ParticipantChange change = Participant.register(ParticipantId.of(ids.get()), details, now());
        return commit(change);
    }

    /** Runs the verifiers for an organisation or service provider, or for an individual without a registry lookup. */
    public Result<Participant> verify(ParticipantId id) {
        return find(id).flatMap(
                        participant -> verify(participant, VerificationSubject.of(id.value(), participant.details())));
    }

    /**
     * Runs the verifiers for an individual who supplies the resident ID number again, so that registries that
     * look the number up (公安) can be asked. The number must be the registered one (INVALID otherwise); it is used
     * for this run only and not kept.
     */
    public Result<Participant> verify(ParticipantId id, String residentIdNumber) {
        return find(id).flatMap(participant -> {
            if (participant.kind() != ParticipantKind.INDIVIDUAL) {
                return Result.invalid("participant " + id + " is not an individual and has no resident ID number");
            }
            return validator.parseIdNumber(residentIdNumber).flatMap(number -> {
                if (!participant.idHash().orElseThrow().equals(validator.hash(number))) {
                    return Result.invalid("the resident ID number is not the one participant " + id + " registered");
                }
                return verify(
                        participant,
                        VerificationSubject.of(id.value(), participant.details())
                                .withResidentIdNumber(number));
            });
        });
    }

    private Result<Participant> verify(Participant participant, VerificationSubject subject) {
        // Refuse before asking any registry: a final participant is not verified again.
        if (!participant.state().canMoveTo(ParticipantState.UNDER_REVIEW)) {
            return Result.conflict(
                    "cannot verify participant " + participant.id() + " in state " + participant.state());
        }
        List<VerificationResult> results = new ArrayList<>();
        for (IdentityVerifier verifier : verifiers) {
            if (verifier.appliesTo(subject)) {
                results.add(run(verifier, subject));
            }
        }
        return participant.recordVerification(results, now()).flatMap(this::commit);
    }

    /** A verifier that breaks its contract by throwing is reported as UNAVAILABLE rather than failing the run. */
    private VerificationResult run(IdentityVerifier verifier, VerificationSubject subject) {
        try {
            return Objects.requireNonNull(verifier.verify(subject), "verifier returned null");
        } catch (RuntimeException e) {
            return VerificationResult.unavailable(
                    verifier.method(), "verifier failed: " + e.getClass().getSimpleName(), now());
        }
    }

    public Result<Participant> approve(ParticipantId id, ReviewDecision decision) {
        return decide(id, decision, Participant::approve);
    }

    public Result<Participant> reject(ParticipantId id, ReviewDecision decision) {
        return decide(id, decision, Participant::reject);
    }

    public Result<Participant> suspend(ParticipantId id, ReviewDecision decision) {
        return decide(id, decision, Participant::suspend);
    }

    public Result<Participant> reinstate(ParticipantId id, ReviewDecision decision) {
        return decide(id, decision, Participant::reinstate);
    }

    public Result<Participant> revoke(ParticipantId id, ReviewDecision decision) {
        return decide(id, decision, Participant::revoke);
    }

    /** The participant, or NOT_FOUND. */
    public Result<Participant> find(ParticipantId id) {
        return repository
                .findById(id)
                .<Result<Participant>>map(Result::ok)
                .orElseGet(() -> Result.notFound("no participant " + id));
    }

    private interface Decision {
        Result<ParticipantChange> apply(Participant participant, ReviewDecision decision, Instant now);
    }

    private Result<Participant> decide(ParticipantId id, ReviewDecision decision, Decision transition) {
        Objects.requireNonNull(decision, "decision");
        return find(id).flatMap(participant -> transition.apply(participant, decision, now()))
                .flatMap(this::commit);
    }

    /**
     * Saves the changed participant and records its event in one transaction. A failed save (conflict) rolls the
     * transaction back and is returned as the result.
     */
    private Result<Participant> commit(ParticipantChange change) {
        try {
            return transactions.inTransaction(() -> {
                Result<Participant> saved = repository.save(change.participant());
                if (saved instanceof Result.Failure<Participant> failure) {
                    throw new SaveRefused(failure);
                }
                List<String> subject = List.of(change.event().participantId().value());
                for (ParticipantEvent.Evidence item : change.event().evidence()) {
                    evidence.record(item.type(), subject, item.payload());
                }
                return saved;
            });
        } catch (SaveRefused refused) {
            return refused.failure;
        }
    }

    private String duplicate(RegistrationDetails details, Participant existing) {
        return details.creditCode()
                .map(uscc -> "unified social credit code " + uscc + " is already registered as participant "
                        + existing.id() + " (" + existing.state() + ")")
                // A person's registration is personal data: whoever tries a number learns only that it is taken, not
                // which participant holds it, so the record cannot be looked up from a guessed number.
                .orElse("this resident ID number is already registered");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Unwinds the transaction so that nothing of a refused save commits; carries the failure out. */
    private static final class SaveRefused extends RuntimeException {
        private final transient Result<Participant> failure;

        SaveRefused(Result<Participant> failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
