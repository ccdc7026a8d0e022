package io.trustspace.common.json;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a Jackson tree in RFC 8785 form: members sorted by the UTF-16 code units of their names, no whitespace,
 * ECMAScript string escaping and number formatting. Not thread-safe; one instance writes one tree.
 */
final class CanonicalWriter {

    private final StringBuilder out = new StringBuilder();
    private final int maxDepth;
    /** Names and indexes from the root to the current node, rendered only when a node is refused. */
    private final Deque<Object> path = new ArrayDeque<>();

    private CanonicalWriter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** The canonical text of {@code node}; throws {@link JsonRejection} for a node JSON cannot carry. */
    static String write(JsonNode node, int maxDepth) {
        CanonicalWriter writer = new CanonicalWriter(maxDepth);
        writer.value(node, 0);
        return writer.out.toString();
    }

    private void value(JsonNode node, int depth) {
        if (node == null) {
            throw new JsonRejection("value at " + path() + " is a Java null, not a JSON node");
        }
        switch (node.getNodeType()) {
            case OBJECT -> object(node, depth + 1);
            case ARRAY -> array(node, depth + 1);
            case STRING -> string(node.stringValue());
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default ->
                throw new JsonRejection("value at " + path() + " is a " + node.getNodeType()
                        + " node, which has no JSON text; convert it to a string first");
        }
    }

    private void object(JsonNode node, int depth) {
        checkDepth(depth);
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 §3.2.3 prescribes.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            Map.Entry<String, JsonNode> member = members.get(i);
            if (i > 0) {
                out.append(',');
            }
            path.addLast(member.getKey());
            string(member.getKey());
            out.append(':');
            value(member.getValue(), depth);
            path.removeLast();
        }
        out.append('}');
    }

    private void array(JsonNode node, int depth) {
        checkDepth(depth);
        out.append('[');
        int index = 0;
        for (JsonNode element : node.values()) {
            if (index > 0) {
                out.append(',');
            }
            path.addLast(index);
            value(element, depth);
            path.removeLast();
            index++;
        }
        out.append(']');
    }

    private void string(String value) {
        JsonStrings.requireWellFormed(value, () -> "string at " + path());
        JsonStrings.appendQuoted(out, value);
    }

    private String number(JsonNode node) {
        double value;
        if (node.isIntegralNumber()) {
            BigInteger integer = node.bigIntegerValue();
            if (!JsonNumbers.isExactDouble(integer)) {
                throw new JsonRejection("integer " + integer + " at " + path()
                        + " cannot be represented exactly as an IEEE 754 double (RFC 8785 §3.2.2.3);"
                        + " send integers beyond 2^53 as strings");
            }
            value = integer.doubleValue();
        } else if (node.isBigDecimal()) {
            // Parse the decimal text so the conversion is the correctly rounded one RFC 8785 assumes.
            value = Double.parseDouble(node.decimalValue().toString());
        } else {
            value = node.doubleValue();
        }
        if (!Double.isFinite(value)) {
            throw new JsonRejection(
                    "number " + value + " at " + path() + " has no JSON representation (RFC 8785 §3.2.2.3)");
        }
        return EcmaScriptNumber.format(value);
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new JsonRejection("JSON nesting exceeds " + maxDepth + " levels at " + path());
        }
    }

    /** A JSONPath-like location such as {@code $.subjects[2]}, for rejection reasons. */
    private String path() {
        StringBuilder rendered = new StringBuilder("$");
        Iterator<Object> steps = path.iterator();
        while (steps.hasNext()) {
            Object step = steps.next();
            if (step instanceof Integer index) {
                rendered.append('[').append(index).append(']');
            } else {
                rendered.append('.').append(step);
            }
        }
        return rendered.toString();
    }
}
