package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link ResourceMetadata} and {@link DataAddress}: what providers send to the management API and
 * what storage keeps. Reading is strict — an unknown member, a wrong type or an unknown enum value is INVALID with
 * the JSON path of the first problem — because a silently dropped field would be metadata the provider believes it
 * published. Semantic completeness is not checked here; that is {@link AdmissionChecks}' job at submission, so a
 * draft may be partial. Stateless and thread-safe.
 */
public final class ResourceJson {

    /** Bigger bodies are refused before parsing; metadata with a sample fits comfortably. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ResourceJson() {}

    public static ObjectNode write(ResourceMetadata metadata) {
        ObjectNode node = NODES.objectNode();
        putText(node, "title", metadata.title());
        putText(node, "description", metadata.description());
        node.put("industry", metadata.industry());
        ArrayNode keywords = node.putArray("keywords");
        metadata.keywords().forEach(keywords::add);
        if (metadata.classification() != null) {
            Classification c = metadata.classification();
            ObjectNode classification = node.putObject("classification");
            classification.put("level", c.level() == null ? null : c.level().name());
            classification.put("category", c.category());
            classification.put("securityAssessment", c.securityAssessment());
        }
        if (metadata.personalInformation() != null) {
            PersonalInformation pi = metadata.personalInformation();
            ObjectNode personal = node.putObject("personalInformation");
            personal.put("contained", pi.contained());
            personal.put(
                    "legalBasis",
                    pi.legalBasis() == null ? null : pi.legalBasis().name());
        }
        ArrayNode schema = node.putArray("schema");
        for (SchemaField field : metadata.schema()) {
            ObjectNode f = schema.addObject();
            f.put("name", field.name());
            f.put("type", field.type() == null ? null : field.type().name());
            f.put("unit", field.unit());
            f.put("semanticTag", field.semanticTag());
        }
        if (metadata.temporalCoverage() != null) {
            ObjectNode temporal = node.putObject("temporalCoverage");
            LocalDate start = metadata.temporalCoverage().start();
            LocalDate end = metadata.temporalCoverage().end();
            temporal.put("start", start == null ? null : start.toString());
            temporal.put("end", end == null ? null : end.toString());
        }
        node.put("spatialCoverage", metadata.spatialCoverage());
        node.put(
                "updateFrequency",
                metadata.updateFrequency() == null
                        ? null
                        : metadata.updateFrequency().name());
        node.put("storageRegion", metadata.storageRegion());
        node.put("storageCountry", metadata.storageCountry());
        if (metadata.sample() != null) {
            ObjectNode sample = node.putObject("sample");
            sample.put("mediaType", metadata.sample().mediaType());
            sample.put("content", metadata.sample().content());
        }
        ArrayNode distributions = node.putArray("distributions");
        for (Distribution distribution : metadata.distributions()) {
            ObjectNode d = distributions.addObject();
            d.put("format", distribution.format());
            d.put("mediaType", distribution.mediaType());
            d.put(
                    "accessMethod",
                    distribution.accessMethod() == null
                            ? null
                            : distribution.accessMethod().name());
        }
        ArrayNode basedOn = node.putArray("basedOn");
        metadata.basedOn().forEach(identifier -> basedOn.add(identifier.format()));
        return node;
    }

    public static ObjectNode write(DataAddress address) {
        ObjectNode node = NODES.objectNode();
        node.put("type", address.type());
        node.put("endpoint", address.endpoint());
        ObjectNode properties = node.putObject("properties");
        address.properties().forEach(properties::put);
        return node;
    }

    public static Result<ResourceMetadata> readMetadata(String json) {
        return parse(json).flatMap(ResourceJson::readMetadata);
    }

    public static Result<DataAddress> readDataAddress(String json) {
        return parse(json).flatMap(node -> readDataAddress(node, "dataAddress"));
    }

    public static Result<ResourceMetadata> readMetadata(JsonNode node) {
        try {
            return Result.ok(metadata(node, "metadata"));
        } catch (Invalid e) {
            return Result.invalid(e.getMessage());
        }
    }

    public static Result<DataAddress> readDataAddress(JsonNode node, String path) {
        try {
            return Result.ok(dataAddress(node, path));
        } catch (Invalid e) {
            return Result.invalid(e.getMessage());
        }
    }

    private static Result<JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            return Result.invalid("the body is empty");
        }
        if (json.length() > MAX_BYTES) {
            return Result.invalid("the body is longer than " + MAX_BYTES + " characters");
        }
        try {
            return Result.ok(MAPPER.readTree(json));
        } catch (RuntimeException e) {
            return Result.invalid("the body is not JSON: " + e.getMessage());
        }
    }

    private static ResourceMetadata metadata(JsonNode node, String path) {
        requireObject(
                node,
                path,
                Set.of(
                        "title",
                        "description",
                        "industry",
                        "keywords",
                        "classification",
                        "personalInformation",
                        "schema",
                        "temporalCoverage",
                        "spatialCoverage",
                        "updateFrequency",
                        "storageRegion",
                        "storageCountry",
                        "sample",
                        "distributions",
                        "basedOn"));
        return new ResourceMetadata(
                text(node.get("title"), path + ".title"),
                text(node.get("description"), path + ".description"),
                string(node.get("industry"), path + ".industry"),
                list(node.get("keywords"), path + ".keywords", ResourceJson::requiredString),
                classification(node.get("classification"), path + ".classification"),
                personalInformation(node.get("personalInformation"), path + ".personalInformation"),
                list(node.get("schema"), path + ".schema", ResourceJson::schemaField),
                temporal(node.get("temporalCoverage"), path + ".temporalCoverage"),
                string(node.get("spatialCoverage"), path + ".spatialCoverage"),
                enumValue(node.get("updateFrequency"), path + ".updateFrequency", UpdateFrequency.class),
                string(node.get("storageRegion"), path + ".storageRegion"),
                string(node.get("storageCountry"), path + ".storageCountry"),
                sample(node.get("sample"), path + ".sample"),
                list(node.get("distributions"), path + ".distributions", ResourceJson::distribution),
                list(node.get("basedOn"), path + ".basedOn", ResourceJson::identifier));
    }

    private static DataAddress dataAddress(JsonNode node, String path) {
        requireObject(node, path, Set.of("type", "endpoint", "properties"));
        String type = requiredString(node.get("type"), path + ".type");
        String endpoint = requiredString(node.get("endpoint"), path + ".endpoint");
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode props = node.get("properties");
        if (props != null && !props.isNull()) {
            if (!props.isObject()) {
                throw new Invalid(path + ".properties must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> entry : props.properties()) {
                properties.put(
                        entry.getKey(), requiredString(entry.getValue(), path + ".properties." + entry.getKey()));
            }
        }
        if (type.isBlank() || endpoint.isBlank()) {
            throw new Invalid(path + " needs a type and an endpoint");
        }
        return new DataAddress(type, endpoint, properties);
    }

    private static LocalizedText text(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        requireObject(node, path, Set.of("zh", "en"));
        return LocalizedText.of(string(node.get("zh"), path + ".zh"), string(node.get("en"), path + ".en"));
    }

    private static Classification classification(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        requireObject(node, path, Set.of("level", "category", "securityAssessment"));
        ClassificationLevel level = enumValue(node.get("level"), path + ".level", ClassificationLevel.class);
        if (level == null) {
            throw new Invalid(path + ".level is required (GENERAL, IMPORTANT or CORE)");
        }
        return new Classification(
                level,
                string(node.get("category"), path + ".category"),
                string(node.get("securityAssessment"), path + ".securityAssessment"));
    }

    private static PersonalInformation personalInformation(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        requireObject(node, path, Set.of("contained", "legalBasis"));
        JsonNode contained = node.get("contained");
        if (contained == null || !contained.isBoolean()) {
            throw new Invalid(path + ".contained must be true or false");
        }
        return new PersonalInformation(
                contained.booleanValue(), enumValue(node.get("legalBasis"), path + ".legalBasis", LegalBasis.class));
    }

    private static SchemaField schemaField(JsonNode node, String path) {
        requireObject(node, path, Set.of("name", "type", "unit", "semanticTag"));
        return new SchemaField(
                string(node.get("name"), path + ".name"),
                enumValue(node.get("type"), path + ".type", FieldType.class),
                string(node.get("unit"), path + ".unit"),
                string(node.get("semanticTag"), path + ".semanticTag"));
    }

    private static TemporalCoverage temporal(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        requireObject(node, path, Set.of("start", "end"));
        return new TemporalCoverage(date(node.get("start"), path + ".start"), date(node.get("end"), path + ".end"));
    }

    private static Sample sample(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        requireObject(node, path, Set.of("mediaType", "content"));
        return new Sample(
                string(node.get("mediaType"), path + ".mediaType"), string(node.get("content"), path + ".content"));
    }

    private static Distribution distribution(JsonNode node, String path) {
        requireObject(node, path, Set.of("format", "mediaType", "accessMethod"));
        return new Distribution(
                string(node.get("format"), path + ".format"),
                string(node.get("mediaType"), path + ".mediaType"),
                enumValue(node.get("accessMethod"), path + ".accessMethod", AccessMethod.class));
    }

    private static DataIdentifier identifier(JsonNode node, String path) {
        String text = requiredString(node, path);
        return DataIdentifier.parse(text).fold(identifier -> identifier, failure -> {
            throw new Invalid(path + ": " + failure.reason());
        });
    }

    private static LocalDate date(JsonNode node, String path) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(path + " must be a date like 2025-01-31, not '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw new Invalid(path + " must be one of " + names + ", not '" + text + "'");
        }
    }

    private static <T> List<T> list(JsonNode node, String path, Function2<T> element) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Invalid(path + " must be an array");
        }
        List<T> items = new ArrayList<>();
        int i = 0;
        for (JsonNode item : node) {
            items.add(element.apply(item, path + "[" + i++ + "]"));
        }
        return items;
    }

    private static String string(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            throw new Invalid(path + " must be a string");
        }
        return node.stringValue();
    }

    private static String requiredString(JsonNode node, String path) {
        String text = string(node, path);
        if (text == null) {
            throw new Invalid(path + " is required");
        }
        return text;
    }

    private static void requireObject(JsonNode node, String path, Set<String> members) {
        if (node == null || !node.isObject()) {
            throw new Invalid(path + " must be an object");
        }
        Iterator<String> names = node.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new Invalid(path + " has an unknown member '" + name + "'");
            }
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static void putText(ObjectNode node, String name, LocalizedText text) {
        if (text != null) {
            ObjectNode t = node.putObject(name);
            t.put("zh", text.zh());
            t.put("en", text.en());
        }
    }

    @FunctionalInterface
    private interface Function2<T> {
        T apply(JsonNode node, String path);
    }

    /** Unwinds a read at its first problem; never escapes this class. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
