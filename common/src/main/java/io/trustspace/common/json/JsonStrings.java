package io.trustspace.common.json;

import java.util.function.Supplier;

/** String checks and escaping shared by the reader and the writer. Stateless. */
final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {}

    /**
     * Refuses unpaired surrogates: I-JSON (RFC 7493 §2.1) requires well-formed Unicode, and a lone surrogate has no
     * UTF-8 encoding, so canonical bytes could not be produced for it.
     */
    static void requireWellFormed(String value, Supplier<String> where) {
        int unpaired = unpairedSurrogate(value);
        if (unpaired >= 0) {
            throw new JsonRejection(where.get() + " contains the unpaired surrogate "
                    + String.format("U+%04X", (int) value.charAt(unpaired)) + "; I-JSON requires well-formed Unicode");
        }
    }

    /** The index of the first unpaired surrogate in {@code value}, or -1 if it is well-formed UTF-16. */
    static int unpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Appends {@code value} as a JSON string the way ECMAScript's JSON.stringify does (RFC 8785 §3.2.2.2): the two
     * mandatory escapes, the five short control escapes, {@code \}{@code u00xx} in lower case for the other controls,
     * and every other character as itself.
     */
    static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
