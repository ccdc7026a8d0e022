package io.trustspace.identity.participant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One step in a participant's history: from which state to which, who moved it ({@link Participant#APPLICANT}
 * for registration, {@link Participant#SYSTEM} for verification, otherwise the reviewer's name) and why.
 * {@code from} is null only for the registration, which creates the participant in {@link ParticipantState#PENDING}.
 * {@code at} is kept to the millisecond, as it is stored. Immutable.
 */
public record Transition(ParticipantState from, ParticipantState to, String actor, String reason, Instant at) {

    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (from == null ? to != ParticipantState.PENDING : !from.canMoveTo(to)) {
            throw new IllegalArgumentException("no transition from " + from + " to " + to);
        }
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }
}
