package io.trustspace.identity.registration;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One thing wrong with one field of a registration: which field ({@code uscc}, {@code contact.phone},
 * {@code endpoints[1]}), which rule it broke (a stable, machine-readable name from the constants below) and a
 * sentence for people. The HTTP edge turns a list of these into the {@code errors} member of a problem document.
 *
 * <p>Messages never repeat a resident ID number: they name the rule, not the value.
 */
public record FieldError(String field, String rule, String message) {

    /** The field is missing or blank. */
    public static final String REQUIRED = "required";
    /** The value is shorter or longer than allowed. */
    public static final String LENGTH = "length";
    /** The value holds characters the field does not allow (control characters, or outside a code's alphabet). */
    public static final String CHARSET = "charset";
    /** The value does not have the field's shape (phone number, e-mail address, industry code). */
    public static final String FORMAT = "format";
    /** A name that must be written in Chinese holds no Chinese character. */
    public static final String CHINESE_NAME = "chinese-name";
    /** GB 32100 / GB 11643: the final check character does not match the others. */
    public static final String CHECK_CHARACTER = "check-character";
    /** GB 32100 position 1 is not a registration-authority code. */
    public static final String REGISTRATION_AUTHORITY = "registration-authority";
    /** GB 32100 position 2 is not an organisation type of the registration authority. */
    public static final String ORGANISATION_TYPE = "organisation-type";
    /** An administrative division code (GB/T 2260) is not six digits with a known province prefix. */
    public static final String DIVISION_CODE = "division-code";
    /** GB 11714: the check character of the organisation code (USCC positions 9–17) is wrong. */
    public static final String ORGANISATION_CODE_CHECK = "organisation-code-check";
    /** GB 11643: the birth date is not a real date, is in the future or before 1900. */
    public static final String BIRTH_DATE = "birth-date";
    /** GB/T 4754-2017: the section letter does not fit the division of the class code. */
    public static final String INDUSTRY_SECTION = "industry-section";
    /** The value is not one of the allowed values. */
    public static final String UNKNOWN_VALUE = "unknown-value";
    /** A list has more entries than allowed. */
    public static final String TOO_MANY = "too-many";
    /** A list holds the same entry twice. */
    public static final String DUPLICATE = "duplicate";
    /** An endpoint is not an absolute http(s) URL with a host and without user info or fragment. */
    public static final String URL_FORMAT = "url-format";
    /** An endpoint uses plain http on a host other than loopback. */
    public static final String HTTPS_REQUIRED = "https-required";

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** One line for a failure reason: {@code uscc [check-character] …; name [required] …}, in the given order. */
    public static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(error -> error.field() + " [" + error.rule() + "] " + error.message())
                .collect(Collectors.joining("; "));
    }
}
