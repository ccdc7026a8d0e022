package io.trustspace.contract.transfer;

import static io.trustspace.contract.process.StrictJson.array;
import static io.trustspace.contract.process.StrictJson.enumValue;
import static io.trustspace.contract.process.StrictJson.instant;
import static io.trustspace.contract.process.StrictJson.longValue;
import static io.trustspace.contract.process.StrictJson.nullableString;
import static io.trustspace.contract.process.StrictJson.requireKnownMembers;
import static io.trustspace.contract.process.StrictJson.requireMembers;
import static io.trustspace.contract.process.StrictJson.requireType;
import static io.trustspace.contract.process.StrictJson.string;
import static io.trustspace.contract.process.StrictJson.strings;

import io.trustspace.common.Result;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.Direction;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.EndpointProperty;
import io.trustspace.contract.process.StrictJson;
import io.trustspace.contract.process.StrictJson.Invalid;
import java.time.Instant;
import java.util.ArrayList;
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
        return StrictJson.read("transfer", json, TransferJson::transfer);
    }

    private static TransferProcess transfer(JsonNode json) {
        String path = "transfer";
        requireMembers(json, path, MEMBERS);
        List<TransferTransition> transitions = new ArrayList<>();
        JsonNode history = array(json.get("transitions"), path + ".transitions");
        for (int i = 0; i < history.size(); i++) {
            transitions.add(transition(history.get(i), path + ".transitions[" + i + "]"));
        }
        List<String> reasons = strings(json.get("terminationReason"), path + ".terminationReason");
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
}
