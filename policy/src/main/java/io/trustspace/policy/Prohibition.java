package io.trustspace.policy;

import java.util.List;
import java.util.Objects;

/** Forbids {@code action} when all {@code constraints} hold (always, if there are none); beats any permission. */
public record Prohibition(Action action, List<ConstraintExpression> constraints) implements Rule {
    public Prohibition {
        Objects.requireNonNull(action, "action");
        constraints = List.copyOf(constraints);
    }
}
