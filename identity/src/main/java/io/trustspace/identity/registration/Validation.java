package io.trustspace.identity.registration;

import java.util.List;
import java.util.Objects;

/** The outcome of checking a {@link RegistrationRequest}: the details to keep, or every field error at once. */
public sealed interface Validation {

    /** The request passed every rule. */
    record Valid(RegistrationDetails details) implements Validation {
        public Valid {
            Objects.requireNonNull(details, "details");
        }
    }

    /** The request broke at least one rule; errors in the order of the form's fields, then of each field's rules. */
    record Invalid(List<FieldError> errors) implements Validation {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid request has at least one error");
            }
        }

        /** All errors on one line, for a failure reason. */
        public String describe() {
            return FieldError.describe(errors);
        }
    }
}
