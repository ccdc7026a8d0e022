package io.trustspace.catalog.conversion;

import io.trustspace.common.Result;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parsing of imported JSON documents with size and nesting bounds, and small tree accessors. Thread-safe. */
final class BoundedJson {

    static final int MAX_CHARS = 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_ITEMS = 1000;

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BoundedJson() {}

    /** The JSON object in {@code text}, or {@code INVALID} naming {@code what} was wrong. */
    static Result<JsonNode> parseObject(String text, String what) {
        if (text == null) {
            return Result.invalid(what + ": no input");
        }
        if (text.length() > MAX_CHARS) {
            return Result.invalid(what + " has " + text.length() + " characters, more than the limit of " + MAX_CHARS);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            return Result.invalid(what + " is not well-formed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Result.invalid(what + " must be a JSON object");
        }
        return Result.ok(node);
    }

    /** A string member's value, or {@code null} if absent, null or not a string. */
    static String string(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** The node itself if it is an array, a one-element list if it is a single value, empty if absent or null. */
    static List<JsonNode> items(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return items;
        }
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }
}
