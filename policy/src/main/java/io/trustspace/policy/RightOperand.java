package io.trustspace.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The value a constraint compares a fact with, already typed by the parser from its {@code @type}/{@code @value} or
 * from the left operand's {@link LeftOperand.Kind}. Immutable and thread-safe.
 */
public sealed interface RightOperand {

    /** The value as it reads in a reason, e.g. {@code P30D} or {@code [CN, HK]}. */
    String display();

    /** A string or IRI. */
    record TextValue(String value) implements RightOperand {
        public TextValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value;
        }
    }

    /** An {@code xsd:integer}. */
    record IntegerValue(long value) implements RightOperand {
        @Override
        public String display() {
            return Long.toString(value);
        }
    }

    /** An {@code xsd:dateTime}. */
    record DateTimeValue(Instant value) implements RightOperand {
        public DateTimeValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value.toString();
        }
    }

    /** A fixed-length {@code xsd:duration}. */
    record DurationValue(Duration value) implements RightOperand {
        public DurationValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return display(value);
        }

        /** Whole days as {@code P30D}, as policies write them, rather than Java's {@code PT720H}. */
        static String display(Duration duration) {
            if (duration.getNano() == 0 && duration.getSeconds() % 86_400 == 0) {
                return "P" + duration.getSeconds() / 86_400 + "D";
            }
            return duration.toString();
        }
    }

    /** A list of scalar values, the right operand of the set-based operators. */
    record ListValue(List<RightOperand> values) implements RightOperand {
        public ListValue {
            values = List.copyOf(values);
            if (values.stream().anyMatch(ListValue.class::isInstance)) {
                throw new IllegalArgumentException("lists do not nest");
            }
        }

        @Override
        public String display() {
            return values.stream().map(RightOperand::display).toList().toString();
        }
    }
}
