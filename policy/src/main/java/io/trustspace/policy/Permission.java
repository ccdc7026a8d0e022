package io.trustspace.policy;

import java.util.List;
import java.util.Objects;

/** Permits {@code action} when all {@code constraints} hold; the {@code duties} then become obligations. Immutable. */
public record Permission(Action action, List<ConstraintExpression> constraints, List<Duty> duties) implements Rule {
    public Permission {
        Objects.requireNonNull(action, "action");
        constraints = List.copyOf(constraints);
        duties = List.copyOf(duties);
    }
}
