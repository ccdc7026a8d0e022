package io.trustspace.contract.negotiation;

import io.trustspace.contract.message.Direction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One step in a negotiation's history: from which state to which, caused by which DSP message (its compact
 * {@code @type}, plus {@code :ACCEPTED}/{@code :FINALIZED} for events) in which direction, by whom (the
 * counterparty for received messages, {@code self} for ours), when (to the millisecond). {@code from} is null only
 * for the creation. Immutable.
 */
public record NegotiationTransition(
        NegotiationState from, NegotiationState to, Direction direction, String message, String actor, Instant at) {

    /** The actor recorded for our own steps. */
    public static final String SELF = "self";

    public NegotiationTransition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(actor, "actor");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        if (from != null && from.isFinal()) {
            throw new IllegalArgumentException("nothing leaves " + from);
        }
    }
}
