package io.trustspace.contract.transfer;

import io.trustspace.common.Result;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.Direction;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.EndpointProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The storage form of a whole {@link TransferProcess}: every record component, so that {@code read(write(t))}
 * equals {@code t}. Stateless and thread-safe.
 *
 * <p>Shape: one object with exactly the members {@code id, role, providerPid, consumerPid, agreementId, format,
 * counterPartyId, counterPartyAddress, state, dataAddress, terminationCode, terminationReason, version, createdAt,
 * updatedAt, transitions}; unknown values are {@code null}, never left out. The data address is written as DSP
 * messages carry it ({@link DspCodec#dataAddressJson}), endpoint property values included: they are often
 * credentials, so the stored form is as sensitive as the data address itself. Instants are ISO-8601 strings
 * ({@link Instant#toString()}), enums their names, transitions {@code {from, to, direction, message, actor, at}}
 * objects.
 *
 * <p>Reading is strict: a missing or unknown member, a wrong JSON type, an unknown enum name, an unparsable instant
 * or a value the aggregate's constructor refuses is INVALID with the path of the first problem. Storage reads only
 * what it wrote, so a failure means the row was altered behind the repository's back.
 */
public final class TransferJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> MEMBERS = List.of(
            "id",
            "role",
            "providerPid",
            "consumerPid",
            "agreementId",
            "format",
            "counterPartyId",
            "counterPartyAddress",
            "state",
            "dataAddress",
            "terminationCode",
            "terminationReason",
            "version",
            "createdAt",
            "updatedAt",
            "transitions");
    private static final List<String> TRANSITION_MEMBERS = List.of("from", "to", "direction", "message", "actor", "at");
    private static final List<String> ADDRESS_MEMBERS =
            List.of("@type", "endpointType", "endpoint", "endpointProperties");
    private static final List<String> PROPERTY_MEMBERS = List.of("@type", "name", "value");

    private TransferJson() {}

    /** The whole transfer process as JSON. */
    public static ObjectNode write(TransferProcess transfer) {
        ObjectNode json = NODES.objectNode();
        json.put("id", transfer.id());
        json.put("role", transfer.role().name());
        json.put("providerPid", transfer.providerPid());
        json.put("consumerPid", transfer.consumerPid());
        json.put("agreementId", transfer.agreementId());
        json.put("format", transfer.format());
        json.put("counterPartyId", transfer.counterPartyId());
        json.put("counterPartyAddress", transfer.counterPartyAddress());
        json.put("state", transfer.state().name());
        if (transfer.dataAddress() == null) {
            json.putNull("dataAddress");
        } else {
            json.set("dataAddress", DspCodec.dataAddressJson(transfer.dataAddress()));
        }
        json.put("terminationCode", transfer.terminationCode());
        ArrayNode reasons = json.putArray("terminationReason");
        transfer.terminationReason().forEach(reasons::add);
        json.put("version", transfer.version());
        json.put("createdAt", transfer.createdAt().toString());
        json.put("updatedAt", transfer.updatedAt().toString());
        ArrayNode transitions = json.putArray("transitions");
        for (TransferTransition transition : transfer.transitions()) {
            transitions
                    .addObject()
                    .put(
                            "from",
                            transition.from() == null ? null : transition.from().name())
                    .put("to", transition.to().name())
                    .put("direction", transition.direction().name())
                    .put("message", transition.message())
                    .put("actor", transition.actor())
                    .put("at", transition.at().toString());
        }
        return json;
    }

    /** The transfer process {@link #write} wrote; INVALID with the path of the first problem otherwise. */
    public static Result<TransferProcess> read(JsonNode json) {
        try {
            return Result.ok(transfer(json));
        } catch (Invalid e) {
            return Result.invalid(e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Result.invalid("transfer: " + e.getMessage());
        }
    }

    private static TransferProcess transfer(JsonNode json) {
        String path = "transfer";
        requireMembers(json, path, MEMBERS);
        List<TransferTransition> transitions = new ArrayList<>();
        JsonNode history = array(json.get("transitions"), path + ".transitions");
        for (int i = 0; i < history.size(); i++) {
            transitions.add(transition(history.get(i), path + ".transitions[" + i + "]"));
        }
        List<String> reasons = new ArrayList<>();
        JsonNode reasonArray = array(json.get("terminationReason"), path + ".terminationReason");
        for (int i = 0; i < reasonArray.size(); i++) {
            reasons.add(string(reasonArray.get(i), path + ".terminationReason[" + i + "]"));
        }
        JsonNode address = json.get("dataAddress");
        return new TransferProcess(
                string(json.get("id"), path + ".id"),
                enumValue(json.get("role"), path + ".role", TransferRole.class),
                nullableString(json.get("providerPid"), path + ".providerPid"),
                nullableString(json.get("consumerPid"), path + ".consumerPid"),
                string(json.get("agreementId"), path + ".agreementId"),
                string(json.get("format"), path + ".format"),
                string(json.get("counterPartyId"), path + ".counterPartyId"),
                string(json.get("counterPartyAddress"), path + ".counterPartyAddress"),
                enumValue(json.get("state"), path + ".state", TransferState.class),
                address.isNull() ? null : dataAddress(address, path + ".dataAddress"),
                nullableString(json.get("terminationCode"), path + ".terminationCode"),
                reasons,
                longValue(json.get("version"), path + ".version"),
                instant(json.get("createdAt"), path + ".createdAt"),
                instant(json.get("updatedAt"), path + ".updatedAt"),
                transitions);
    }

    private static TransferTransition transition(JsonNode json, String path) {
        requireMembers(json, path, TRANSITION_MEMBERS);
        JsonNode from = json.get("from");
        return new TransferTransition(
                from.isNull() ? null : enumValue(from, path + ".from", TransferState.class),
                enumValue(json.get("to"), path + ".to", TransferState.class),
                enumValue(json.get("direction"), path + ".direction", Direction.class),
                string(json.get("message"), path + ".message"),
                string(json.get("actor"), path + ".actor"),
                instant(json.get("at"), path + ".at"));
    }

    /** The form {@link DspCodec#dataAddressJson} writes: {@code endpointProperties} only when there are some. */
    private static DataAddress dataAddress(JsonNode json, String path) {
        requireKnownMembers(json, path, ADDRESS_MEMBERS);
        requireType(json, path, "DataAddress");
        List<EndpointProperty> properties = new ArrayList<>();
        if (json.has("endpointProperties")) {
            JsonNode entries = array(json.get("endpointProperties"), path + ".endpointProperties");
            if (entries.isEmpty()) {
                throw new Invalid(path + ".endpointProperties is written only when there are some");
            }
            for (int i = 0; i < entries.size(); i++) {
                String at = path + ".endpointProperties[" + i + "]";
                JsonNode entry = entries.get(i);
                requireMembers(entry, at, PROPERTY_MEMBERS);
                requireType(entry, at, "EndpointProperty");
                properties.add(new EndpointProperty(
                        string(entry.get("name"), at + ".name"), string(entry.get("value"), at + ".value")));
            }
        }
        return new DataAddress(
                string(json.get("endpointType"), path + ".endpointType"),
                string(json.get("endpoint"), path + ".endpoint"),
                properties);
    }

    private static void requireType(JsonNode json, String path, String type) {
        String actual = string(json.get("@type"), path + ".@type");
        if (!type.equals(actual)) {
            throw new Invalid(path + ".@type must be " + type + ", not '" + actual + "'");
        }
    }

    // ---- strict readers of single values ----

    private static void requireMembers(JsonNode json, String path, List<String> members) {
        requireKnownMembers(json, path, members);
        for (String member : members) {
            if (!json.has(member)) {
                throw new Invalid(path + "." + member + " is missing");
            }
        }
    }

    private static void requireKnownMembers(JsonNode json, String path, List<String> members) {
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

    private static JsonNode array(JsonNode json, String path) {
        if (json == null || !json.isArray()) {
            throw new Invalid(path + " must be an array");
        }
        return json;
    }

    private static String string(JsonNode json, String path) {
        if (json == null || !json.isString()) {
            throw new Invalid(path + " must be a string");
        }
        return json.stringValue();
    }

    private static String nullableString(JsonNode json, String path) {
        return json != null && json.isNull() ? null : string(json, path);
    }

    private static long longValue(JsonNode json, String path) {
        if (json == null || !json.isIntegralNumber() || !json.canConvertToLong()) {
            throw new Invalid(path + " must be a 64-bit integer");
        }
        return json.longValue();
    }

    private static Instant instant(JsonNode json, String path) {
        String text = string(json, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(path + " must be an ISO-8601 instant, not '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(JsonNode json, String path, Class<E> type) {
        String text = string(json, path);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new Invalid(path + " must be one of " + List.of(type.getEnumConstants()) + ", not '" + text + "'");
    }

    /** Unwinds a read at its first problem; never escapes this class. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
