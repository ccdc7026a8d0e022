package io.trustspace.common.json;

import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses JSON text (RFC 8259) into a Jackson tree, accepting only what RFC 8785 can canonicalise: the I-JSON subset
 * (RFC 7493) with unique member names, well-formed Unicode and numbers a double can hold.
 *
 * <p>A hand-written reader rather than Jackson's, because canonicalisation needs facts a general parser throws away:
 * whether a number was written as an integer (so that {@code 9007199254740993} is refused instead of silently
 * becoming {@code ...992}), whether it was {@code -0}, and the offset of each problem for the rejection reason.
 * Recursion is bounded by {@code maxDepth}, so hostile nesting cannot overflow the stack. Not thread-safe; one
 * instance reads one text.
 */
final class StrictJsonReader {

    private final String text;
    private final int maxDepth;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private int position;

    private StrictJsonReader(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /** Reads exactly one JSON value surrounded by optional whitespace; throws {@link JsonRejection} otherwise. */
    static JsonNode read(String text, int maxDepth) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw new JsonRejection("JSON text starts with a byte order mark, which RFC 8259 §8.1 forbids");
        }
        StrictJsonReader reader = new StrictJsonReader(text, maxDepth);
        JsonNode value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw new JsonRejection(
                    "unexpected " + reader.describeNext() + " after the JSON value at offset " + reader.position);
        }
        return value;
    }

    private JsonNode value(int depth) {
        skipWhitespace();
        if (position >= text.length()) {
            throw new JsonRejection("JSON text ends where a value was expected (offset " + position + ")");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return nodes.stringNode(string());
            case 't':
                literal("true");
                return nodes.booleanNode(true);
            case 'f':
                literal("false");
                return nodes.booleanNode(false);
            case 'n':
                literal("null");
                return nodes.nullNode();
            default:
                if (c == '-' || isDigit(c)) {
                    return number();
                }
                throw new JsonRejection("unexpected " + describeNext() + " at offset " + position);
        }
    }

    private ObjectNode object(int depth) {
        checkDepth(depth);
        int start = position;
        position++; // '{'
        ObjectNode object = nodes.objectNode();
        skipWhitespace();
        if (consume('}')) {
            return object;
        }
        while (true) {
            skipWhitespace();
            if (position >= text.length() || text.charAt(position) != '"') {
                throw new JsonRejection("expected a member name in the object at offset " + start + ", found "
                        + describeNext() + " at offset " + position);
            }
            int keyOffset = position;
            String key = string();
            skipWhitespace();
            expect(':', "after the member name at offset " + keyOffset);
            JsonNode member = value(depth);
            if (object.get(key) != null) {
                throw new JsonRejection("duplicate member name " + quote(key) + " at offset " + keyOffset
                        + " (RFC 8785 §3.1 requires unique names)");
            }
            object.set(key, member);
            skipWhitespace();
            if (consume('}')) {
                return object;
            }
            expect(',', "between members of the object at offset " + start);
        }
    }

    private ArrayNode array(int depth) {
        checkDepth(depth);
        int start = position;
        position++; // '['
        ArrayNode array = nodes.arrayNode();
        skipWhitespace();
        if (consume(']')) {
            return array;
        }
        while (true) {
            array.add(value(depth));
            skipWhitespace();
            if (consume(']')) {
                return array;
            }
            expect(',', "between elements of the array at offset " + start);
        }
    }

    private String string() {
        int start = position;
        position++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw new JsonRejection("string at offset " + start + " is not terminated");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw new JsonRejection("string at offset " + start + " contains the unescaped control character "
                        + codePoint(c) + " at offset " + (position - 1));
            }
            if (c == '\\') {
                value.append(escape(start));
            } else {
                value.append(c);
            }
        }
        String result = value.toString();
        JsonStrings.requireWellFormed(result, () -> "string at offset " + start);
        return result;
    }

    private char escape(int stringStart) {
        if (position >= text.length()) {
            throw new JsonRejection("string at offset " + stringStart + " is not terminated");
        }
        char c = text.charAt(position++);
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape(stringStart);
            default:
                throw new JsonRejection("invalid escape \\" + c + " in the string at offset " + stringStart);
        }
    }

    private char unicodeEscape(int stringStart) {
        if (position + 4 > text.length()) {
            throw new JsonRejection("truncated \\u escape in the string at offset " + stringStart);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                throw new JsonRejection("invalid \\u escape \\u" + text.substring(position, position + 4)
                        + " in the string at offset " + stringStart);
            }
            value = value * 16 + digit;
        }
        position += 4;
        return (char) value;
    }

    private JsonNode number() {
        int start = position;
        boolean negative = consume('-');
        if (position < text.length() && text.charAt(position) == '0') {
            position++;
            if (position < text.length() && isDigit(text.charAt(position))) {
                throw new JsonRejection("number at offset " + start + " has a leading zero");
            }
        } else if (!digits()) {
            throw new JsonRejection("number at offset " + start + " has no digits");
        }
        boolean integral = true;
        if (consume('.')) {
            integral = false;
            if (!digits()) {
                throw new JsonRejection("number at offset " + start + " has no digits after the decimal point");
            }
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            position++;
            integral = false;
            if (!consume('+')) {
                consume('-');
            }
            if (!digits()) {
                throw new JsonRejection("number at offset " + start + " has no digits in its exponent");
            }
        }
        String literal = text.substring(start, position);
        return integral ? integer(literal, negative, start) : fraction(literal, negative, start);
    }

    private JsonNode integer(String literal, boolean negative, int start) {
        BigInteger value = new BigInteger(literal);
        if (negative && value.signum() == 0) {
            throw negativeZero(literal, start);
        }
        if (!JsonNumbers.isExactDouble(value)) {
            throw new JsonRejection("integer " + literal + " at offset " + start
                    + " cannot be represented exactly as an IEEE 754 double (RFC 8785 §3.2.2.3);"
                    + " send integers beyond 2^53 as strings");
        }
        return value.bitLength() < Long.SIZE ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
    }

    private JsonNode fraction(String literal, boolean negative, int start) {
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw new JsonRejection(
                    "number " + literal + " at offset " + start + " is beyond the range of an IEEE 754 double");
        }
        if (negative && value == 0) {
            throw negativeZero(literal, start);
        }
        return nodes.numberNode(value);
    }

    private static JsonRejection negativeZero(String literal, int start) {
        return new JsonRejection("number " + literal + " at offset " + start
                + " is a negative zero, which canonicalises to 0 and is refused (RFC 8785 erratum 7920)");
    }

    private boolean digits() {
        int start = position;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        return position > start;
    }

    private void literal(String word) {
        if (!text.startsWith(word, position)) {
            throw new JsonRejection("unexpected " + describeNext() + " at offset " + position);
        }
        position += word.length();
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new JsonRejection(
                    "JSON nesting exceeds " + maxDepth + " levels at offset " + position + "; deeper input is refused");
        }
    }

    private void expect(char expected, String where) {
        if (!consume(expected)) {
            throw new JsonRejection(
                    "expected '" + expected + "' " + where + ", found " + describeNext() + " at offset " + position);
        }
    }

    private boolean consume(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private String describeNext() {
        if (position >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(position);
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : codePoint(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static String quote(String key) {
        return key.length() <= 64 ? "\"" + key + "\"" : "\"" + key.substring(0, 64) + "…\"";
    }
}
