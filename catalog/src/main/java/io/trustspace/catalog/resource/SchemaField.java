package io.trustspace.catalog.resource;

/**
 * One field of a resource's schema: its name, type, unit (e.g. UCUM {@code km/h}; null when unitless) and semantic
 * tag (an IRI or CURIE such as {@code schema:speed} naming what the field means; null when not tagged). Values are
 * kept as given; {@link AdmissionChecks} validates them. Immutable.
 */
public record SchemaField(String name, FieldType type, String unit, String semanticTag) {

    public static SchemaField of(String name, FieldType type) {
        return new SchemaField(name, type, null, null);
    }
}
