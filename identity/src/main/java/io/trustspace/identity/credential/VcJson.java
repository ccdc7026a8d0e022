package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import io.trustspace.common.json.CanonicalJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON side of VC 2.0 as this module writes and reads it: the base context, date-time stamps, {@code type} and
 * {@code issuer} values. Stateless and thread-safe.
 *
 * <p>Untrusted JSON is parsed with {@link CanonicalJson#parse(byte[])}, which refuses duplicate member names (one
 * document cannot mean different things to different parsers), bounds nesting, and holds numbers to what a double
 * represents exactly. Callers bound the length before parsing.
 */
public final class VcJson {

    /** The VC 2.0 base context, which must be the first {@code @context} entry. */
    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";

    /** Media type prefix of an enveloped credential secured as a JWT (VC 2.0 §4.13, VC-JOSE-COSE §3.1.1). */
    public static final String VC_JWT_DATA_URL_PREFIX = "data:application/vc+jwt,";

    /** The JOSE {@code typ} of a credential secured as a JWT (VC-JOSE-COSE §3.1.1). */
    public static final String VC_JWT_TYPE = "vc+jwt";

    private static final int MAX_DATE_TIME_LENGTH = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VcJson() {}

    /** {@code node} as compact UTF-8 JSON, members in insertion order. */
    public static byte[] write(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    /** Parses untrusted UTF-8 JSON that must be an object; {@code what} names it in the reason. */
    public static Result<ObjectNode> parseObject(byte[] utf8, String what) {
        Result<JsonNode> parsed = CanonicalJson.parse(utf8);
        if (parsed instanceof Result.Failure<JsonNode> failure) {
            return Result.invalid(what + " is not valid JSON: " + failure.reason());
        }
        return parsed.orElseThrow() instanceof ObjectNode object
                ? Result.ok(object)
                : Result.invalid(what + " is not a JSON object");
    }

    /** An XSD {@code dateTimeStamp} in UTC, as VC 2.0 writes {@code validFrom} and {@code validUntil}. */
    public static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Reads a date-time stamp with an explicit offset ({@code Z} or {@code +08:00}); anything else is INVALID. */
    public static Result<Instant> parseDateTime(JsonNode node, String member) {
        if (node == null || !node.isString()) {
            return Result.invalid(member + " is missing or not a string");
        }
        String text = node.stringValue();
        if (text.length() > MAX_DATE_TIME_LENGTH) {
            return Result.invalid(member + " is not a date-time stamp");
        }
        try {
            return Result.ok(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Result.invalid(member + " " + DidUrl.quote(text)
                    + " is not a date-time stamp with offset, such as 2025-03-01T08:00:00Z");
        }
    }

    /** The strings of a {@code type} value, which VC 2.0 allows as one string or an array of strings. */
    public static List<String> types(JsonNode type) {
        List<String> types = new ArrayList<>();
        if (type != null && type.isString()) {
            types.add(type.stringValue());
        } else if (type != null && type.isArray()) {
            for (JsonNode element : type.values()) {
                if (element.isString()) {
                    types.add(element.stringValue());
                }
            }
        }
        return types;
    }

    /** The issuer id: the {@code issuer} string, or the {@code id} of an issuer object. */
    public static Optional<String> issuer(JsonNode credential) {
        JsonNode issuer = credential.get("issuer");
        if (issuer != null && issuer.isObject()) {
            issuer = issuer.get("id");
        }
        return issuer != null && issuer.isString() ? Optional.of(issuer.stringValue()) : Optional.empty();
    }

    /** True if {@code @context} is an array (or string) whose first entry is the VC 2.0 base context. */
    public static boolean hasBaseContext(JsonNode document) {
        JsonNode context = document.get("@context");
        if (context != null && context.isString()) {
            return CREDENTIALS_V2.equals(context.stringValue());
        }
        return context != null
                && context.isArray()
                && context.size() > 0
                && context.get(0).isString()
                && CREDENTIALS_V2.equals(context.get(0).stringValue());
    }

    /** True if {@code @context} lists {@code uri} as a string entry. */
    public static boolean hasContext(JsonNode document, String uri) {
        JsonNode context = document.get("@context");
        if (context != null && context.isString()) {
            return uri.equals(context.stringValue());
        }
        if (context != null && context.isArray()) {
            for (JsonNode entry : context.values()) {
                if (entry.isString() && uri.equals(entry.stringValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The string member {@code name} of {@code object}, or empty if missing or not a string. */
    public static Optional<String> string(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }
}
