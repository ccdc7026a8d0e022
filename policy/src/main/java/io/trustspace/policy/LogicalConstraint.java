package io.trustspace.policy;

import java.util.List;
import java.util.Objects;

/**
 * An ODRL logical constraint over two or more operands. {@code andSequence} is evaluated like {@code and}, in order:
 * nothing in a decision has side effects, so the order only fixes which failure is reported first. Immutable.
 */
public record LogicalConstraint(Kind operator, List<ConstraintExpression> operands) implements ConstraintExpression {

    /** The logical operators of ODRL 2.2. */
    public enum Kind {
        AND("odrl:and"),
        OR("odrl:or"),
        XONE("odrl:xone"),
        AND_SEQUENCE("odrl:andSequence");

        private final String term;

        Kind(String term) {
            this.term = term;
        }

        public String term() {
            return term;
        }

        /** Whether {@code satisfied} of {@code total} operands satisfy this operator. */
        boolean accepts(int satisfied, int total) {
            return switch (this) {
                case AND, AND_SEQUENCE -> satisfied == total;
                case OR -> satisfied > 0;
                case XONE -> satisfied == 1;
            };
        }
    }

    public LogicalConstraint {
        Objects.requireNonNull(operator, "operator");
        operands = List.copyOf(operands);
        if (operands.isEmpty()) {
            throw new IllegalArgumentException(operator.term() + " needs at least one operand");
        }
    }
}
