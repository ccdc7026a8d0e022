package io.trustspace.common.json;

import io.trustspace.common.Result;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence that every party hashes or signs for a JSON
 * value.
 *
 * <p>Output is UTF-8 with no whitespace, object members sorted by the UTF-16 code units of their names, strings
 * escaped as ECMAScript's {@code JSON.stringify} does and numbers written as ECMAScript's
 * {@code Number.prototype.toString} does (see {@link EcmaScriptNumber}).
 *
 * <p>Input is held to the I-JSON subset the RFC assumes, and anything outside it is a failure with the reason
 * rather than a silent change of meaning:
 *
 * <ul>
 *   <li>duplicate member names, unpaired surrogates, NaN and infinities;
 *   <li>integers a double cannot hold exactly (beyond 2^53 and not a multiple of the spacing there): JCS would
 *       print a different integer than the one sent, so such values must travel as strings. Numbers written with a
 *       fraction or exponent are rounded to the nearest double, as the RFC specifies;
 *   <li>{@code -0} in JSON text (RFC 8785 erratum 7920); a Jackson double {@code -0.0} is written as {@code 0};
 *   <li>nesting deeper than {@link #MAX_DEPTH} and text longer than {@link #MAX_TEXT_LENGTH}, so that hostile input
 *       costs bounded stack and memory.
 * </ul>
 *
 * <p>Stateless and thread-safe. Every failure is {@link Result.Kind#INVALID}.
 */
public final class CanonicalJson {

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 100;

    /** Longest JSON text accepted, in chars for text input and in bytes for UTF-8 input (16 MiB). */
    public static final int MAX_TEXT_LENGTH = 16 * 1024 * 1024;

    private CanonicalJson() {}

    /**
     * Whether {@code text} can be a string of I-JSON (RFC 7493 §2.1), and so of canonical JSON: well-formed UTF-16,
     * no unpaired surrogate. Lets a caller refuse such text where it arrives rather than where it is signed.
     */
    public static boolean isWellFormed(String text) {
        return JsonStrings.unpairedSurrogate(text) < 0;
    }

    /** The canonical UTF-8 bytes of a JSON text. */
    public static Result<byte[]> canonicalize(String json) {
        return parse(json).flatMap(CanonicalJson::canonicalize);
    }

    /** The canonical UTF-8 bytes of a UTF-8 encoded JSON text; malformed UTF-8 is refused. */
    public static Result<byte[]> canonicalize(byte[] utf8Json) {
        return parse(utf8Json).flatMap(CanonicalJson::canonicalize);
    }

    /** The canonical UTF-8 bytes of a Jackson tree; binary, POJO and missing nodes are refused. */
    public static Result<byte[]> canonicalize(JsonNode node) {
        try {
            return Result.ok(CanonicalWriter.write(node, MAX_DEPTH).getBytes(StandardCharsets.UTF_8));
        } catch (JsonRejection rejection) {
            return Result.invalid(rejection.getMessage());
        }
    }

    /**
     * Parses a JSON text under the same rules as {@link #canonicalize(String)}, for callers that need the tree (for
     * instance to check that a received document was already canonical).
     */
    public static Result<JsonNode> parse(String json) {
        if (json.length() > MAX_TEXT_LENGTH) {
            return Result.invalid("JSON text of " + json.length() + " chars exceeds the limit of " + MAX_TEXT_LENGTH);
        }
        try {
            return Result.ok(StrictJsonReader.read(json, MAX_DEPTH));
        } catch (JsonRejection rejection) {
            return Result.invalid(rejection.getMessage());
        }
    }

    /** Parses a UTF-8 encoded JSON text; see {@link #parse(String)}. */
    public static Result<JsonNode> parse(byte[] utf8Json) {
        if (utf8Json.length > MAX_TEXT_LENGTH) {
            return Result.invalid("JSON text of " + utf8Json.length + " bytes exceeds the limit of " + MAX_TEXT_LENGTH);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8Json))
                    .toString();
        } catch (CharacterCodingException e) {
            return Result.invalid("JSON text is not valid UTF-8 (RFC 8259 §8.1)");
        }
        return parse(text);
    }
}
