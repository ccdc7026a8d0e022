package io.trustspace.policy;

import java.util.List;

/**
 * The facts a constraint can test. ODRL's own operands are used where ODRL has one ({@code odrl:purpose},
 * {@code odrl:dateTime}, {@code odrl:elapsedTime}, {@code odrl:count}, {@code odrl:spatial}); the rest are ours, in
 * the {@code ts:} namespace defined by {@code policy/trustspace-policy-context.jsonld}.
 *
 * <p>Each operand has one {@link Kind}, which decides how a right operand is read and which operators apply.
 */
public enum LeftOperand {
    PURPOSE("odrl:purpose", Kind.TEXT, "ts:purpose"),
    DATE_TIME("odrl:dateTime", Kind.DATE_TIME),
    ELAPSED_TIME("odrl:elapsedTime", Kind.DURATION, "ts:elapsedTime"),
    COUNT("odrl:count", Kind.INTEGER, "ts:count"),
    SPATIAL("odrl:spatial", Kind.TEXT, "region", "ts:region"),
    RECIPIENT_PARTICIPANT("ts:recipient.participant", Kind.TEXT),
    RECIPIENT_INDUSTRY("ts:recipient.industry", Kind.TEXT),
    RECIPIENT_ROLE("ts:recipient.role", Kind.TEXT_SET),
    RECIPIENT_VERIFICATION_LEVEL("ts:recipient.verificationLevel", Kind.INTEGER),
    RECIPIENT_SPACE("ts:recipient.space", Kind.TEXT),
    CLASSIFICATION("ts:classification", Kind.TEXT);

    /** How the fact and its right operand are typed. */
    public enum Kind {
        /** A single string (an IRI or a plain value). */
        TEXT,
        /** A set of strings on the request side (roles); right operands are strings. */
        TEXT_SET,
        /** A whole number ({@code xsd:integer}). */
        INTEGER,
        /** An instant ({@code xsd:dateTime} with an offset). */
        DATE_TIME,
        /** A fixed-length ISO 8601 duration ({@code xsd:duration} without years or months). */
        DURATION
    }

    private final String term;
    private final Kind kind;
    private final List<String> aliases;

    LeftOperand(String term, Kind kind, String... aliases) {
        this.term = term;
        this.kind = kind;
        this.aliases = List.of(aliases);
    }

    /** The compact IRI, e.g. {@code odrl:count}. */
    public String term() {
        return term;
    }

    public Kind kind() {
        return kind;
    }

    /** Other compact IRIs accepted for this operand when parsing (our context maps {@code region} to spatial). */
    List<String> aliases() {
        return aliases;
    }
}
