package io.trustspace.catalog.resource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One step in a resource's history: from which state to which, who moved it (the provider, {@link Resource#SYSTEM}
 * for the automatic checks, or a reviewer) and why. {@code from} is null only for the draft's creation, which
 * starts in {@link ResourceState#DRAFT}. {@code at} is kept to the millisecond. Immutable.
 */
public record Transition(ResourceState from, ResourceState to, String actor, String reason, Instant at) {

    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (from == null ? to != ResourceState.DRAFT : !from.canMoveTo(to)) {
            throw new IllegalArgumentException("no transition from " + from + " to " + to);
        }
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }
}
