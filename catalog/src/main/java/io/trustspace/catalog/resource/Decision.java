package io.trustspace.catalog.resource;

import java.util.Optional;

/**
 * Who decides a review or delisting and why: {@code actor} (a reviewer, or the provider delisting its own resource),
 * a reason of 1 to {@value #MAX_REASON_LENGTH} characters, and optionally the resource version the actor saw (a
 * stale version is refused). Immutable.
 */
public record Decision(String actor, String reason, Long expectedVersion) {

    public static final int MAX_REASON_LENGTH = 1000;
    public static final int MAX_ACTOR_LENGTH = 200;

    public static Decision of(String actor, String reason) {
        return new Decision(actor, reason, null);
    }

    /** What is wrong with this decision, if anything. */
    public Optional<String> problem() {
        if (actor == null || actor.isBlank()) {
            return Optional.of("the decision names who takes it");
        }
        if (actor.length() > MAX_ACTOR_LENGTH) {
            return Optional.of("the actor is longer than " + MAX_ACTOR_LENGTH + " characters");
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of("the decision gives a reason");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            return Optional.of("the reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        return Optional.empty();
    }
}
