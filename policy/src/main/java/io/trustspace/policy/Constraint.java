package io.trustspace.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An atomic ODRL constraint: {@code leftOperand operator rightOperand}. The parser has already checked that the
 * operator applies to the operand's kind and that the right operand has the matching type. Immutable.
 */
public record Constraint(LeftOperand leftOperand, Operator operator, RightOperand rightOperand)
        implements ConstraintExpression {

    public Constraint {
        Objects.requireNonNull(leftOperand, "leftOperand");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(rightOperand, "rightOperand");
        incompatibility(leftOperand, operator, rightOperand).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /**
     * Why {@code operator} with {@code rightOperand} cannot test {@code leftOperand}, or empty if it can: ordered
     * operators need an ordered kind, set operators a list, the others a single value of the operand's kind.
     */
    static Optional<String> incompatibility(LeftOperand leftOperand, Operator operator, RightOperand rightOperand) {
        LeftOperand.Kind kind = leftOperand.kind();
        boolean textual = kind == LeftOperand.Kind.TEXT || kind == LeftOperand.Kind.TEXT_SET;
        if (operator.ordered() && textual) {
            return Optional.of(
                    "'%s' does not apply to %s, which is not ordered".formatted(operator.term(), leftOperand.term()));
        }
        if (operator.setBased() && (kind == LeftOperand.Kind.DATE_TIME || kind == LeftOperand.Kind.DURATION)) {
            return Optional.of(
                    "'%s' does not apply to %s; use lt/lteq/gt/gteq".formatted(operator.term(), leftOperand.term()));
        }
        if (operator.setBased() != (rightOperand instanceof RightOperand.ListValue)) {
            return Optional.of(
                    operator.setBased()
                            ? "'%s' needs a list".formatted(operator.term())
                            : "'%s' needs a single value, not a list".formatted(operator.term()));
        }
        List<RightOperand> values =
                rightOperand instanceof RightOperand.ListValue list ? list.values() : List.of(rightOperand);
        for (RightOperand value : values) {
            boolean fits = switch (kind) {
                case TEXT, TEXT_SET -> value instanceof RightOperand.TextValue;
                case INTEGER -> value instanceof RightOperand.IntegerValue;
                case DATE_TIME -> value instanceof RightOperand.DateTimeValue;
                case DURATION -> value instanceof RightOperand.DurationValue;
            };
            if (!fits) {
                return Optional.of("'%s' does not fit %s (%s)"
                        .formatted(
                                value.display(), leftOperand.term(), kind.name().toLowerCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return leftOperand.term() + " " + operator.term() + " " + rightOperand.display();
    }
}
