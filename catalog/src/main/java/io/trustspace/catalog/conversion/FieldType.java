package io.trustspace.catalog.conversion;

import java.util.Arrays;
import java.util.Optional;

/** The value type of a field, with its XML Schema datatype for DCAT export. */
public enum FieldType {
    INTEGER("integer", "xsd:integer"),
    DECIMAL("decimal", "xsd:decimal"),
    BOOLEAN("boolean", "xsd:boolean"),
    DATE("date", "xsd:date"),
    DATE_TIME("dateTime", "xsd:dateTime"),
    STRING("string", "xsd:string");

    private final String term;
    private final String xsd;

    FieldType(String term, String xsd) {
        this.term = term;
        this.xsd = xsd;
    }

    /** The name used in CSV export, e.g. {@code dateTime}. */
    public String term() {
        return term;
    }

    /** The compact XML Schema datatype, e.g. {@code xsd:dateTime}. */
    public String xsd() {
        return xsd;
    }

    /** The type named by a term ({@code dateTime}) or datatype ({@code xsd:dateTime}). */
    public static Optional<FieldType> of(String name) {
        return Arrays.stream(values())
                .filter(type -> type.term.equals(name) || type.xsd.equals(name))
                .findFirst();
    }
}
