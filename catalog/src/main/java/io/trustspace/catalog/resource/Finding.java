package io.trustspace.catalog.resource;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One thing admission review found wrong: which field ({@code title.en}, {@code schema[2].name}), which rule it
 * broke (a stable, machine-readable name from the constants below) and a sentence for people. The HTTP edge turns a
 * list of these into the {@code errors} member of a problem document. Immutable.
 */
public record Finding(String field, String rule, String message) {

    /** The field is missing or blank. */
    public static final String REQUIRED = "required";
    /** The value is longer than allowed. */
    public static final String LENGTH = "length";
    /** The value does not have the field's shape (industry code, country code, field name, semantic tag). */
    public static final String FORMAT = "format";
    /** A list has more entries than allowed. */
    public static final String TOO_MANY = "too-many";
    /** A list holds the same entry twice. */
    public static final String DUPLICATE = "duplicate";
    /** A period ends before it starts. */
    public static final String RANGE = "range";
    /** 核心数据 cannot be listed for sharing. */
    public static final String CORE_DATA = "core-data";
    /** 重要数据 needs a reference to its security assessment. */
    public static final String SECURITY_ASSESSMENT = "security-assessment";
    /** Personal information needs a legal basis. */
    public static final String LEGAL_BASIS = "legal-basis";
    /** A data product names the datasets it is built on. */
    public static final String BASED_ON = "based-on";
    /** A data service offers at least one API distribution. */
    public static final String ACCESS_METHOD = "access-method";

    public Finding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** One line for a failure reason: {@code title.en [required] …; classification [core-data] …}. */
    public static String describe(List<Finding> findings) {
        return findings.stream()
                .map(finding -> finding.field() + " [" + finding.rule() + "] " + finding.message())
                .collect(Collectors.joining("; "));
    }
}
