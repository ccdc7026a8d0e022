package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.FieldType;
import io.trustspace.common.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the field schema from a JSON Schema (draft 2020-12) describing one record as an {@code object}: each entry of
 * {@code properties} becomes a {@link FieldDescription}.
 *
 * <p>Mapping: {@code integer} → integer, {@code number} → decimal, {@code boolean} → boolean, {@code string} with
 * {@code format} {@code date} → date, {@code date-time} → dateTime, any other {@code string} → string. A field is
 * nullable unless it is listed in {@code required} and its {@code type} excludes {@code "null"} (a type array such as
 * {@code ["string", "null"]} names the non-null type plus nullability). The property's {@code title}, else its
 * {@code description}, becomes the field title; {@code examples[0]} (or {@code example}) the example; {@code unit} or
 * {@code x-unit} the unit. The semantic tag is suggested from the name and title as for CSV headers. Keywords this
 * importer does not know ({@code $defs}, {@code minimum}, …) are ignored; {@code $ref}, nested {@code object} and
 * {@code array} properties are refused because they do not fit a flat field list.
 *
 * <p>Bounded: {@value BoundedJson#MAX_CHARS} characters, nesting {@value BoundedJson#MAX_DEPTH},
 * {@value CsvSchemaInference#MAX_COLUMNS} properties. Failures are {@code INVALID} with a JSON pointer-like path,
 * e.g. {@code properties.fee.type: unsupported type 'object'}. Stateless and thread-safe.
 */
public final class JsonSchemaImport {

    private JsonSchemaImport() {}

    public static Result<List<FieldDescription>> read(String schemaJson) {
        return BoundedJson.parseObject(schemaJson, "JSON Schema").flatMap(JsonSchemaImport::read);
    }

    public static Result<List<FieldDescription>> read(JsonNode schema) {
        String declared = BoundedJson.string(schema, "$schema");
        if (declared != null && !declared.contains("2020-12") && !declared.contains("draft-07")) {
            return Result.invalid("$schema: unsupported dialect '" + declared + "', expected draft 2020-12");
        }
        JsonNode type = schema.get("type");
        if (type == null || !type.isString() || !"object".equals(type.asString())) {
            return Result.invalid("type: must be \"object\" (a schema of one record)");
        }
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject() || properties.isEmpty()) {
            return Result.invalid("properties: missing or empty");
        }
        if (properties.size() > CsvSchemaInference.MAX_COLUMNS) {
            return Result.invalid("properties: " + properties.size() + " properties, more than the limit of "
                    + CsvSchemaInference.MAX_COLUMNS);
        }
        Set<String> required = new HashSet<>();
        JsonNode requiredNode = schema.get("required");
        if (requiredNode != null) {
            if (!requiredNode.isArray()) {
                return Result.invalid("required: must be an array of property names");
            }
            for (JsonNode name : requiredNode) {
                if (!name.isString()) {
                    return Result.invalid("required: must be an array of property names");
                }
                required.add(name.asString());
            }
        }
        List<FieldDescription> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            Result<FieldDescription> field =
                    field(property.getKey(), property.getValue(), required.contains(property.getKey()));
            if (!field.isOk()) {
                return ((Result.Failure<FieldDescription>) field).cast();
            }
            fields.add(field.orElseThrow());
        }
        return Result.ok(fields);
    }

    private static Result<FieldDescription> field(String name, JsonNode property, boolean required) {
        String path = "properties." + name;
        if (name.isBlank()) {
            return Result.invalid("properties: a property has a blank name");
        }
        if (!property.isObject()) {
            return Result.invalid(path + ": must be a schema object");
        }
        if (property.has("$ref")) {
            return Result.invalid(path + ": $ref is not supported, inline the definition");
        }
        JsonNode typeNode = property.get("type");
        String type = null;
        boolean nullType = false;
        if (typeNode == null) {
            return Result.invalid(path + ".type: missing");
        }
        for (JsonNode t : BoundedJson.items(typeNode)) {
            if (!t.isString()) {
                return Result.invalid(path + ".type: must be a string or an array of strings");
            }
            if ("null".equals(t.asString())) {
                nullType = true;
            } else if (type == null) {
                type = t.asString();
            } else {
                return Result.invalid(path + ".type: more than one non-null type (" + type + ", " + t.asString() + ")");
            }
        }
        if (type == null) {
            return Result.invalid(path + ".type: only \"null\"");
        }
        String format = BoundedJson.string(property, "format");
        FieldType fieldType;
        switch (type) {
            case "integer" -> fieldType = FieldType.INTEGER;
            case "number" -> fieldType = FieldType.DECIMAL;
            case "boolean" -> fieldType = FieldType.BOOLEAN;
            case "string" ->
                fieldType = "date".equals(format)
                        ? FieldType.DATE
                        : "date-time".equals(format) ? FieldType.DATE_TIME : FieldType.STRING;
            case "object", "array" -> {
                return Result.invalid(path + ".type: unsupported type '" + type + "', fields must be flat");
            }
            default -> {
                return Result.invalid(path + ".type: unknown type '" + type + "'");
            }
        }
        String title = BoundedJson.string(property, "title");
        if (title == null) {
            title = BoundedJson.string(property, "description");
        }
        String unit = BoundedJson.string(property, "unit");
        if (unit == null) {
            unit = BoundedJson.string(property, "x-unit");
        }
        JsonNode examples = property.get("examples");
        JsonNode exampleNode = examples != null && examples.isArray() && !examples.isEmpty()
                ? examples.get(0)
                : property.get("example");
        String example = exampleNode == null || exampleNode.isNull() || exampleNode.isContainer()
                ? null
                : exampleNode.asString();
        String label = title;
        SemanticTag tag = SemanticTag.fromHeader(name)
                .or(() -> label == null ? Optional.empty() : SemanticTag.fromHeader(label))
                .orElse(null);
        if (example != null && tag != null && tag.personalInformation()) {
            example = CsvSchemaInference.mask(example);
        }
        return Result.ok(new FieldDescription(name, title, fieldType, unit, tag, !required || nullType, example));
    }
}
