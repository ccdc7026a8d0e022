package io.trustspace.contract.process;

import io.trustspace.common.Result;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Strict readers of the storage forms of DSP processes ({@code NegotiationJson}, {@code TransferJson}): each takes
 * the path of the value it reads and throws {@link Invalid} naming that path at the first problem, and {@link #read}
 * turns that into an INVALID result. Storage reads only what it wrote, so there is no leniency: a missing or unknown
 * member, a wrong JSON type, an unknown enum name or an unparsable instant is a row altered behind the repository's
 * back. Stateless and thread-safe.
 */
public final class StrictJson {

    private StrictJson() {}

    /**
     * {@code reader} applied to {@code json}; INVALID with the path of the first problem, or with {@code what} and
     * the message of the aggregate constructor's refusal ({@link IllegalArgumentException}, {@link
     * NullPointerException}).
     */
    public static <T> Result<T> read(String what, JsonNode json, Function<JsonNode, T> reader) {
        try {
            return Result.ok(reader.apply(json));
        } catch (Invalid e) {
            return Result.invalid(e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Result.invalid(what + ": " + e.getMessage());
        }
    }

    /** {@code json} is an object with exactly {@code members}. */
    public static void requireMembers(JsonNode json, String path, List<String> members) {
        requireKnownMembers(json, path, members);
        for (String member : members) {
            if (!json.has(member)) {
                throw new Invalid(path + "." + member + " is missing");
            }
        }
    }

    /** {@code json} is an object with no member but {@code members}, not necessarily all of them. */
    public static void requireKnownMembers(JsonNode json, String path, List<String> members) {
        if (json == null || !json.isObject()) {
            throw new Invalid(path + " must be an object");
        }
        Iterator<String> names = json.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new Invalid(path + " has an unknown member '" + name + "'");
            }
        }
    }

    /** {@code json}'s {@code @type} is {@code type}. */
    public static void requireType(JsonNode json, String path, String type) {
        String actual = string(json.get("@type"), path + ".@type");
        if (!type.equals(actual)) {
            throw new Invalid(path + ".@type must be " + type + ", not '" + actual + "'");
        }
    }

    public static JsonNode array(JsonNode json, String path) {
        if (json == null || !json.isArray()) {
            throw new Invalid(path + " must be an array");
        }
        return json;
    }

    /** An array of strings, in order. */
    public static List<String> strings(JsonNode json, String path) {
        JsonNode array = array(json, path);
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            values.add(string(array.get(i), path + "[" + i + "]"));
        }
        return values;
    }

    public static String string(JsonNode json, String path) {
        if (json == null || !json.isString()) {
            throw new Invalid(path + " must be a string");
        }
        return json.stringValue();
    }

    /** A string or JSON {@code null}; a missing member is still a problem. */
    public static String nullableString(JsonNode json, String path) {
        return json != null && json.isNull() ? null : string(json, path);
    }

    /** The member {@code name} of {@code json}, left out when it is null (as {@code DspCodec} writes it). */
    public static String optionalString(JsonNode json, String name, String path) {
        return json.has(name) ? string(json.get(name), path + "." + name) : null;
    }

    public static int intValue(JsonNode json, String path) {
        if (json == null || !json.isIntegralNumber() || !json.canConvertToInt()) {
            throw new Invalid(path + " must be a 32-bit integer");
        }
        return json.intValue();
    }

    public static long longValue(JsonNode json, String path) {
        if (json == null || !json.isIntegralNumber() || !json.canConvertToLong()) {
            throw new Invalid(path + " must be a 64-bit integer");
        }
        return json.longValue();
    }

    /** An ISO-8601 instant as {@link Instant#toString()} writes it. */
    public static Instant instant(JsonNode json, String path) {
        String text = string(json, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(path + " must be an ISO-8601 instant, not '" + text + "'");
        }
    }

    /** The constant of {@code type} named exactly by the string {@code json}. */
    public static <E extends Enum<E>> E enumValue(JsonNode json, String path, Class<E> type) {
        String text = string(json, path);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new Invalid(path + " must be one of " + List.of(type.getEnumConstants()) + ", not '" + text + "'");
    }

    /** Unwinds a read at its first problem; {@link #read} turns it into a result. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
