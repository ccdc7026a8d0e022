package io.trustspace.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A compiled constraint: the right operand already typed and the fact accessor already chosen, so that
 * {@link #test} does no lookup and no parsing. {@link #failure} re-reads the fact only on the deny path, to build the
 * reason. Immutable and thread-safe.
 */
sealed interface Check {

    boolean test(EvaluationContext context);

    /** The reason this check failed for {@code context}; only called after {@link #test} returned false. */
    Reason failure(EvaluationContext context);

    static Check of(ConstraintExpression expression, String path) {
        if (expression instanceof LogicalConstraint logical) {
            List<ConstraintExpression> operands = logical.operands();
            String name = logical.operator().term().substring("odrl:".length());
            Check[] checks = new Check[operands.size()];
            for (int i = 0; i < checks.length; i++) {
                checks[i] = of(operands.get(i), path + "." + name + "[" + i + "]");
            }
            return new Logical(path, logical.operator(), checks);
        }
        return atomic((Constraint) expression, path);
    }

    private static Check atomic(Constraint constraint, String path) {
        LeftOperand left = constraint.leftOperand();
        Operator operator = constraint.operator();
        String expected = constraint.rightOperand().display();
        List<RightOperand> values = constraint.rightOperand() instanceof RightOperand.ListValue list
                ? list.values()
                : List.of(constraint.rightOperand());
        return switch (left.kind()) {
            case TEXT -> new Text(path, left, operator, expected, text(left), texts(values));
            case TEXT_SET -> new TextSet(path, left, operator, expected, texts(values));
            case INTEGER -> {
                long[] numbers = values.stream()
                        .mapToLong(v -> ((RightOperand.IntegerValue) v).value())
                        .toArray();
                ToLongFunction<EvaluationContext> fact =
                        left == LeftOperand.COUNT ? c -> c.useNumber : c -> c.verificationLevel;
                yield new Whole(path, left, operator, expected, fact, numbers);
            }
            case DATE_TIME ->
                new Moment(path, operator, expected, ((RightOperand.DateTimeValue) values.get(0)).value());
            case DURATION ->
                new Elapsed(path, operator, expected, ((RightOperand.DurationValue) values.get(0)).value());
        };
    }

    private static Set<String> texts(List<RightOperand> values) {
        return Set.copyOf(
                values.stream().map(v -> ((RightOperand.TextValue) v).value()).toList());
    }

    private static Function<EvaluationContext, String> text(LeftOperand left) {
        return switch (left) {
            case PURPOSE -> c -> c.purpose;
            case SPATIAL -> c -> c.region;
            case RECIPIENT_PARTICIPANT -> c -> c.participant;
            case RECIPIENT_INDUSTRY -> c -> c.industry;
            case RECIPIENT_SPACE -> c -> c.space;
            case CLASSIFICATION -> c -> c.classification;
            default -> throw new IllegalStateException(left + " is not a text operand");
        };
    }

    /**
     * A single-valued text fact. For a scalar fact {@code isPartOf} means membership (we keep no region hierarchy)
     * and {@code isAllOf} holds only when every listed value equals the fact.
     */
    record Text(
            String path,
            LeftOperand left,
            Operator operator,
            String expected,
            Function<EvaluationContext, String> fact,
            Set<String> values)
            implements Check {

        @Override
        public boolean test(EvaluationContext context) {
            String actual = fact.apply(context);
            if (actual == null) {
                return false;
            }
            return switch (operator) {
                case EQ, IS_ANY_OF, IS_PART_OF -> values.contains(actual);
                case NEQ, IS_NONE_OF -> !values.contains(actual);
                case IS_ALL_OF -> values.size() == 1 && values.contains(actual);
                default -> throw new IllegalStateException(operator + " on text");
            };
        }

        @Override
        public Reason failure(EvaluationContext context) {
            String actual = fact.apply(context);
            return new Reason.ConstraintFailed(path, left, operator, expected, actual == null ? "absent" : actual);
        }
    }

    /** The recipient's roles: a set fact, compared with set semantics ({@code eq} means "has the role"). */
    record TextSet(String path, LeftOperand left, Operator operator, String expected, Set<String> values)
            implements Check {

        @Override
        public boolean test(EvaluationContext context) {
            Set<String> actual = context.roles;
            return switch (operator) {
                case EQ -> actual.containsAll(values);
                case NEQ -> !actual.containsAll(values);
                case IS_ANY_OF -> intersects(actual);
                case IS_NONE_OF -> !intersects(actual);
                case IS_ALL_OF -> actual.containsAll(values);
                case IS_PART_OF -> !actual.isEmpty() && values.containsAll(actual);
                default -> throw new IllegalStateException(operator + " on a set");
            };
        }

        private boolean intersects(Set<String> actual) {
            for (String value : actual) {
                if (values.contains(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Reason failure(EvaluationContext context) {
            return new Reason.ConstraintFailed(path, left, operator, expected, new TreeSet<>(context.roles).toString());
        }
    }

    /** An integer fact: the use number for {@code odrl:count}, the verification level. */
    record Whole(
            String path,
            LeftOperand left,
            Operator operator,
            String expected,
            ToLongFunction<EvaluationContext> fact,
            long[] values)
            implements Check {

        @Override
        public boolean test(EvaluationContext context) {
            long actual = fact.applyAsLong(context);
            if (actual == EvaluationContext.ABSENT) {
                return false;
            }
            if (!operator.setBased()) {
                return operator.accepts(Long.compare(actual, values[0]));
            }
            boolean member = false;
            boolean allEqual = true;
            for (long value : values) {
                member |= value == actual;
                allEqual &= value == actual;
            }
            return switch (operator) {
                case IS_ANY_OF, IS_PART_OF -> member;
                case IS_NONE_OF -> !member;
                case IS_ALL_OF -> allEqual;
                default -> throw new IllegalStateException(operator + " on an integer");
            };
        }

        @Override
        public Reason failure(EvaluationContext context) {
            long actual = fact.applyAsLong(context);
            return new Reason.ConstraintFailed(
                    path,
                    left,
                    operator,
                    expected,
                    actual == EvaluationContext.ABSENT ? "absent" : Long.toString(actual));
        }
    }

    /** {@code odrl:dateTime}: the request's {@code now} against an instant. */
    record Moment(String path, Operator operator, String expected, Instant value) implements Check {

        @Override
        public boolean test(EvaluationContext context) {
            return operator.accepts(context.now.compareTo(value));
        }

        @Override
        public Reason failure(EvaluationContext context) {
            return new Reason.ConstraintFailed(path, LeftOperand.DATE_TIME, operator, expected, context.now.toString());
        }
    }

    /** {@code odrl:elapsedTime}: time since the agreement started against a duration. */
    record Elapsed(String path, Operator operator, String expected, Duration value) implements Check {

        @Override
        public boolean test(EvaluationContext context) {
            Duration elapsed = context.elapsed;
            return elapsed != null && operator.accepts(elapsed.compareTo(value));
        }

        @Override
        public Reason failure(EvaluationContext context) {
            Duration elapsed = context.elapsed;
            return new Reason.ConstraintFailed(
                    path,
                    LeftOperand.ELAPSED_TIME,
                    operator,
                    expected,
                    elapsed == null ? "absent" : RightOperand.DurationValue.display(elapsed));
        }
    }

    /** A logical constraint over compiled operands. */
    record Logical(String path, LogicalConstraint.Kind operator, Check[] operands) implements Check {

        @Override
        public boolean test(EvaluationContext context) {
            switch (operator) {
                case AND, AND_SEQUENCE -> {
                    for (Check operand : operands) {
                        if (!operand.test(context)) {
                            return false;
                        }
                    }
                    return true;
                }
                case OR -> {
                    for (Check operand : operands) {
                        if (operand.test(context)) {
                            return true;
                        }
                    }
                    return false;
                }
                case XONE -> {
                    return satisfied(context) == 1;
                }
                default -> throw new IllegalStateException(operator.term());
            }
        }

        private int satisfied(EvaluationContext context) {
            int satisfied = 0;
            for (Check operand : operands) {
                if (operand.test(context)) {
                    satisfied++;
                }
            }
            return satisfied;
        }

        @Override
        public Reason failure(EvaluationContext context) {
            List<Reason> failures = new ArrayList<>();
            for (Check operand : operands) {
                if (!operand.test(context)) {
                    failures.add(operand.failure(context));
                }
            }
            int satisfied = operands.length - failures.size();
            // For xone with more than one satisfied the failing operands are not the cause; report none.
            return new Reason.LogicalFailed(
                    path, operator, satisfied, operands.length, satisfied > 1 ? List.of() : failures);
        }
    }
}
