package io.trustspace.policy;

import java.util.List;
import java.util.Objects;

/**
 * Why a request was denied. Paths name the rule and constraint as in the policy JSON, e.g.
 * {@code permission[0].constraint[1]} or {@code permission[0].constraint[2].or[1]}. Immutable.
 */
public sealed interface Reason {

    /** One line for logs and problem responses. */
    String message();

    /** An atomic constraint that did not hold; {@code actual} is {@code "absent"} when the fact was not given. */
    record ConstraintFailed(String path, LeftOperand leftOperand, Operator operator, String expected, String actual)
            implements Reason {
        public ConstraintFailed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(leftOperand, "leftOperand");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
        }

        @Override
        public String message() {
            return "%s: %s %s %s, actual %s".formatted(path, leftOperand.term(), operator.term(), expected, actual);
        }
    }

    /**
     * A logical constraint that did not hold: {@code satisfied} of its {@code total} operands held, and
     * {@code failures} are the reasons of the operands that did not (empty when {@code xone} had too many).
     */
    record LogicalFailed(String path, LogicalConstraint.Kind operator, int satisfied, int total, List<Reason> failures)
            implements Reason {
        public LogicalFailed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            failures = List.copyOf(failures);
        }

        @Override
        public String message() {
            return "%s: %s with %d of %d operands satisfied".formatted(path, operator.term(), satisfied, total);
        }
    }

    /** A prohibition applied; it beats every permission. */
    record Prohibited(String path, Action action) implements Reason {
        public Prohibited {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(action, "action");
        }

        @Override
        public String message() {
            return "%s: %s is prohibited".formatted(path, action.term());
        }
    }

    /** No permission covers the requested action at all. */
    record NoPermission(Action action) implements Reason {
        public NoPermission {
            Objects.requireNonNull(action, "action");
        }

        @Override
        public String message() {
            return "no permission for " + action.term();
        }
    }
}
