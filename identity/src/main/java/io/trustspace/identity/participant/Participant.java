package io.trustspace.identity.participant;

import io.trustspace.common.Result;
import io.trustspace.identity.registration.ParticipantKind;
import io.trustspace.identity.registration.RegistrationDetails;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import io.trustspace.identity.verification.AssuranceLevel;
import io.trustspace.identity.verification.VerificationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A participant of the space as the operator knows it: the validated registration, the admission state, every
 * verification result and every transition so far. An immutable aggregate: each use-case method returns the next
 * participant together with the event that records the change ({@link ParticipantChange}), or a failure:
 *
 * <ul>
 *   <li>INVALID: the reviewer or reason is missing or too long;
 *   <li>CONFLICT: the decision names a version other than the current one, or the state does not allow the
 *       transition (the reason names the current state).
 * </ul>
 *
 * <p>{@code version} is the optimistic lock: 0 for a participant not yet stored, then the stored version, which the
 * repository checks and increments on every save. Histories only grow; {@code state} is always the target of the
 * last transition, and the first transition is the registration.
 */
public record Participant(
        ParticipantId id,
        RegistrationDetails details,
        ParticipantState state,
        long version,
        List<VerificationResult> verifications,
        List<Transition> transitions) {

    /** The actor of the registration transition: the applicant, before anyone at the operator acted. */
    public static final String APPLICANT = "applicant";

    /** The actor of verification transitions: the operator's verifiers, not a person. */
    public static final String SYSTEM = "system";

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(state, "state");
        verifications = List.copyOf(verifications);
        transitions = List.copyOf(transitions);
        if (version < 0) {
            throw new IllegalArgumentException("version " + version + " is negative");
        }
        if (transitions.isEmpty() || transitions.get(0).from() != null) {
            throw new IllegalArgumentException("a participant's history starts with its registration");
        }
        for (int i = 1; i < transitions.size(); i++) {
            if (transitions.get(i).from() != transitions.get(i - 1).to()) {
                throw new IllegalArgumentException(
                        "transition " + i + " does not start where transition " + (i - 1) + " ended");
            }
        }
        if (transitions.get(transitions.size() - 1).to() != state) {
            throw new IllegalArgumentException("state " + state + " is not where the last transition ended");
        }
    }

    /** A newly registered participant (PENDING, version 0) and its {@code registered} event. */
    public static ParticipantChange register(ParticipantId id, RegistrationDetails details, Instant now) {
        Transition registered = new Transition(null, ParticipantState.PENDING, APPLICANT, "registered", now);
        Participant participant =
                new Participant(id, details, ParticipantState.PENDING, 0, List.of(), List.of(registered));
        return new ParticipantChange(participant, new ParticipantEvent.Registered(id, details.kind(), registered));
    }

    /**
     * Records a verification run: keeps the results and moves to UNDER_REVIEW (from PENDING, or staying there when
     * verification runs again). Every participant then waits for a reviewer; results inform the review, they do
     * not decide it.
     */
    public Result<ParticipantChange> recordVerification(List<VerificationResult> results, Instant now) {
        if (!state.canMoveTo(ParticipantState.UNDER_REVIEW)) {
            return Result.conflict("cannot verify participant " + id + " in state " + state);
        }
        String summary = results.isEmpty()
                ? "no verifier applies"
                : results.stream()
                        .map(result -> result.method() + " " + result.outcome())
                        .collect(Collectors.joining(", "));
        Transition transition = new Transition(state, ParticipantState.UNDER_REVIEW, SYSTEM, summary, now);
        List<VerificationResult> all = new ArrayList<>(verifications);
        all.addAll(results);
        Participant next =
                new Participant(id, details, ParticipantState.UNDER_REVIEW, version, all, append(transition));
        return Result.ok(new ParticipantChange(
                next, new ParticipantEvent.Verified(id, verifications.size(), results, transition)));
    }

    /** UNDER_REVIEW → APPROVED. */
    public Result<ParticipantChange> approve(ReviewDecision decision, Instant now) {
        if (state == ParticipantState.SUSPENDED) {
            return Result.conflict("participant " + id + " is SUSPENDED: reinstate it rather than approve it");
        }
        return move("approve", ParticipantState.APPROVED, decision, now, ParticipantEvent.Approved::new);
    }

    /** UNDER_REVIEW → REJECTED (final). */
    public Result<ParticipantChange> reject(ReviewDecision decision, Instant now) {
        return move("reject", ParticipantState.REJECTED, decision, now, ParticipantEvent.Rejected::new);
    }

    /** APPROVED → SUSPENDED. */
    public Result<ParticipantChange> suspend(ReviewDecision decision, Instant now) {
        return move("suspend", ParticipantState.SUSPENDED, decision, now, ParticipantEvent.Suspended::new);
    }

    /** SUSPENDED → APPROVED. */
    public Result<ParticipantChange> reinstate(ReviewDecision decision, Instant now) {
        if (state != ParticipantState.SUSPENDED) {
            return Result.conflict("cannot reinstate participant " + id + " in state " + state
                    + ": only a SUSPENDED participant is reinstated");
        }
        return move("reinstate", ParticipantState.APPROVED, decision, now, ParticipantEvent.Reinstated::new);
    }

    /** APPROVED or SUSPENDED → REVOKED (final). */
    public Result<ParticipantChange> revoke(ReviewDecision decision, Instant now) {
        return move("revoke", ParticipantState.REVOKED, decision, now, ParticipantEvent.Revoked::new);
    }

    private Result<ParticipantChange> move(
            String action,
            ParticipantState target,
            ReviewDecision decision,
            Instant now,
            BiFunction<ParticipantId, Transition, ParticipantEvent> event) {
        Optional<String> problem = decision.problem();
        if (problem.isPresent()) {
            return Result.invalid(problem.get());
        }
        if (decision.expectedVersion() != null && decision.expectedVersion() != version) {
            return Result.conflict("participant " + id + " is at version " + version + ", not "
                    + decision.expectedVersion() + "; reload it and decide again");
        }
        if (!state.canMoveTo(target)) {
            return Result.conflict("cannot " + action + " participant " + id + " in state " + state);
        }
        Transition transition = new Transition(
                state, target, decision.reviewer().trim(), decision.reason().trim(), now);
        Participant next = new Participant(id, details, target, version, verifications, append(transition));
        return Result.ok(new ParticipantChange(next, event.apply(id, transition)));
    }

    private List<Transition> append(Transition transition) {
        List<Transition> all = new ArrayList<>(transitions);
        all.add(transition);
        return all;
    }

    /** The same participant at another stored version (what the repository returns after a save). */
    public Participant withVersion(long newVersion) {
        return new Participant(id, details, state, newVersion, verifications, transitions);
    }

    public ParticipantKind kind() {
        return details.kind();
    }

    public String legalName() {
        return details.legalName();
    }

    public Optional<UnifiedSocialCreditCode> uscc() {
        return details.creditCode();
    }

    /** An individual's keyed ID-number hash. */
    public Optional<String> idHash() {
        return details.idNumberHash();
    }

    /** An individual's masked ID number. */
    public Optional<String> idMasked() {
        return details.idNumberMasked();
    }

    public Instant createdAt() {
        return transitions.get(0).at();
    }

    public Instant updatedAt() {
        return transitions.get(transitions.size() - 1).at();
    }

    /** The last transition: how the participant reached its current state. */
    public Transition lastTransition() {
        return transitions.get(transitions.size() - 1);
    }

    /**
     * The highest level among the verified results of the latest run of each method: what a credential issued
     * now could claim. NONE if nothing was verified.
     */
    public AssuranceLevel assuranceLevel() {
        List<VerificationResult> latest = new ArrayList<>();
        for (int i = verifications.size() - 1; i >= 0; i--) {
            VerificationResult result = verifications.get(i);
            if (latest.stream().noneMatch(seen -> seen.method() == result.method())) {
                latest.add(result);
            }
        }
        return latest.stream()
                .filter(VerificationResult::isVerified)
                .map(VerificationResult::level)
                .max(Enum::compareTo)
                .orElse(AssuranceLevel.NONE);
    }
}
