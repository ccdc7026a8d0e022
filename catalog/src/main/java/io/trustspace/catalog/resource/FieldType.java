package io.trustspace.catalog.resource;

/** The type of a field in a resource's schema (XSD-like primitives). Stored by {@link #name()}. */
public enum FieldType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    DATE,
    DATE_TIME,
    BINARY,
    GEOMETRY
}
