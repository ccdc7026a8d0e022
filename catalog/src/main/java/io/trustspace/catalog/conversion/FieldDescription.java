package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.FieldType;
import io.trustspace.catalog.resource.SchemaField;
import java.util.Objects;

/**
 * One field (column, property) of a dataset as the converters see it: a {@link SchemaField} plus what inference and
 * import learn beyond it (title, nullability, an example, a recognised {@link SemanticTag}).
 *
 * @param name the field's name as it appears in the data, never blank
 * @param title a human-readable label, or {@code null}
 * @param type the value type
 * @param unit the unit of measure (e.g. {@code kWh}, {@code 元}), or {@code null}
 * @param semanticTag what the field means, or {@code null} when unrecognised
 * @param nullable whether values may be missing
 * @param example one example value (masked for personal information), or {@code null}
 */
public record FieldDescription(
        String name,
        String title,
        FieldType type,
        String unit,
        SemanticTag semanticTag,
        boolean nullable,
        String example) {

    public FieldDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("field name is blank");
        }
        title = blankToNull(title);
        unit = blankToNull(unit);
    }

    /** Whether this field is a candidate for personal information, by its semantic tag. */
    public boolean personalInformation() {
        return semanticTag != null && semanticTag.personalInformation();
    }

    /** The catalog's schema field: name, type, unit and the semantic tag's IRI ({@link SemanticTag#iri()}). */
    public SchemaField toSchemaField() {
        return new SchemaField(name, type, unit, semanticTag == null ? null : semanticTag.iri());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
