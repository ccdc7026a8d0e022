package io.trustspace.contract.message;

import java.util.Optional;

/** Bounds on the identifiers and texts DSP messages carry. */
public final class Pids {

    /** The longest process id, agreement id or offer id we accept. */
    public static final int MAX_PID_LENGTH = 256;
    /** The longest callback address or endpoint we accept. */
    public static final int MAX_ADDRESS_LENGTH = 2048;
    /** The longest code or single reason text. */
    public static final int MAX_TEXT_LENGTH = 1024;
    /** The most reason entries in a termination or error. */
    public static final int MAX_REASONS = 16;

    private Pids() {}

    /** Why {@code value} is not an acceptable id named {@code field}, or empty if it is. */
    public static Optional<String> problem(String field, String value) {
        if (value == null) {
            return Optional.of(field + " is missing");
        }
        if (value.isBlank()) {
            return Optional.of(field + " is blank");
        }
        if (value.length() > MAX_PID_LENGTH) {
            return Optional.of(field + " is longer than " + MAX_PID_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return Optional.of(field + " contains a control character");
            }
        }
        return Optional.empty();
    }

    /** Throws if {@code value} is not an acceptable id: for constructors, after the codec has validated. */
    static String require(String field, String value) {
        problem(field, value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return value;
    }

    /** Throws if a non-null {@code value} is not an acceptable id. */
    static String optional(String field, String value) {
        return value == null ? null : require(field, value);
    }
}
