package io.trustspace.policy;

import java.util.List;
import java.util.Objects;

/**
 * Something the assignee must do, e.g. {@code odrl:delete} with {@code odrl:elapsedTime lteq P30D}. Duties are not
 * evaluated by a decision: they are handed back with a permit for the caller to fulfil and track. Immutable.
 */
public record Duty(Action action, List<ConstraintExpression> constraints) implements Rule {
    public Duty {
        Objects.requireNonNull(action, "action");
        constraints = List.copyOf(constraints);
    }
}
