package io.trustspace.contract.transfer;

import io.trustspace.contract.message.Direction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One step in a transfer's history: states, the DSP message ({@code @type}) that caused it and in which direction,
 * who ({@code self} or the counterparty), when (to the millisecond). {@code from} is null only for the creation.
 */
public record TransferTransition(
        TransferState from, TransferState to, Direction direction, String message, String actor, Instant at) {

    public static final String SELF = "self";

    public TransferTransition {
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
