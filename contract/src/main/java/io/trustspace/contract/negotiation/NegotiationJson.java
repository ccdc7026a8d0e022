package io.trustspace.contract.negotiation;

import static io.trustspace.contract.process.StrictJson.array;
import static io.trustspace.contract.process.StrictJson.enumValue;
import static io.trustspace.contract.process.StrictJson.instant;
import static io.trustspace.contract.process.StrictJson.intValue;
import static io.trustspace.contract.process.StrictJson.longValue;
import static io.trustspace.contract.process.StrictJson.nullableString;
import static io.trustspace.contract.process.StrictJson.optionalString;
import static io.trustspace.contract.process.StrictJson.requireMembers;
import static io.trustspace.contract.process.StrictJson.requireType;
import static io.trustspace.contract.process.StrictJson.string;
import static io.trustspace.contract.process.StrictJson.strings;

import io.trustspace.common.Result;
import io.trustspace.contract.message.Agreement;
import io.trustspace.contract.message.Direction;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.Offer;
import io.trustspace.contract.process.StrictJson;
import io.trustspace.contract.process.StrictJson.Invalid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The storage form of a whole {@link ContractNegotiation}: every record component, so that
 * {@code read(write(n))} equals {@code n}. Stateless and thread-safe.
 *
 * <p>Shape: one object with exactly the members {@code id, role, providerPid, consumerPid, counterPartyId,
 * counterPartyAddress, state, datasetId, offer, agreement, providerSignature, consumerSignature, terminationCode,
 * terminationReason, counterOffers, maxCounterOffers, version, createdAt, updatedAt, transitions}; unknown values are
 * {@code null}, never left out. The offer and the agreement are written as DSP messages carry them
 * ({@link DspCodec#offerJson}, {@link DspCodec#agreementJson}: {@code @id}, {@code @type}, the parties, then the
 * policy members), so the stored agreement is byte for byte what the parties sign. Instants are ISO-8601 strings
 * ({@link Instant#toString()}), enums their names, transitions
 * {@code {from, to, direction, message, actor, at}} objects.
 *
 * <p>Reading is strict: a missing or unknown member, a wrong JSON type, an unknown enum name, an unparsable instant
 * or a value the aggregate's constructor refuses is INVALID with the path of the first problem. Storage reads only
 * what it wrote, so a failure means the row was altered behind the repository's back.
 */
public final class NegotiationJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> MEMBERS = List.of(
            "id",
            "role",
            "providerPid",
            "consumerPid",
            "counterPartyId",
            "counterPartyAddress",
            "state",
            "datasetId",
            "offer",
            "agreement",
            "providerSignature",
            "consumerSignature",
            "terminationCode",
            "terminationReason",
            "counterOffers",
            "maxCounterOffers",
            "version",
            "createdAt",
            "updatedAt",
            "transitions");
    private static final List<String> TRANSITION_MEMBERS = List.of("from", "to", "direction", "message", "actor", "at");
    /** What {@link DspCodec#offerJson} writes besides the policy; a policy member of these names would be lost. */
    private static final List<String> OFFER_MEMBERS = List.of("@id", "@type", "target", "assigner", "assignee");
    /** What {@link DspCodec#agreementJson} writes besides the policy. */
    private static final List<String> AGREEMENT_MEMBERS =
            List.of("@id", "@type", "target", "assigner", "assignee", "timestamp");

    private NegotiationJson() {}

    /**
     * The whole negotiation as JSON. Throws {@link IllegalArgumentException} if the offer's or agreement's policy
     * has a member the DSP form uses itself ({@code @id}, {@code @type}, {@code target}, {@code assigner},
     * {@code assignee}, for agreements {@code timestamp}): such a policy cannot be sent over DSP as it is either, and
     * storing it would silently change it. Policies read by {@link DspCodec} never have one.
     */
    public static ObjectNode write(ContractNegotiation negotiation) {
        ObjectNode json = NODES.objectNode();
        json.put("id", negotiation.id());
        json.put("role", negotiation.role().name());
        json.put("providerPid", negotiation.providerPid());
        json.put("consumerPid", negotiation.consumerPid());
        json.put("counterPartyId", negotiation.counterPartyId());
        json.put("counterPartyAddress", negotiation.counterPartyAddress());
        json.put("state", negotiation.state().name());
        json.put("datasetId", negotiation.datasetId());
        requireNoReservedMember("offer", negotiation.offer().policy(), OFFER_MEMBERS);
        json.set("offer", DspCodec.offerJson(negotiation.offer()));
        if (negotiation.agreement() == null) {
            json.putNull("agreement");
        } else {
            requireNoReservedMember("agreement", negotiation.agreement().policy(), AGREEMENT_MEMBERS);
            json.set("agreement", DspCodec.agreementJson(negotiation.agreement()));
        }
        json.put("providerSignature", negotiation.providerSignature());
        json.put("consumerSignature", negotiation.consumerSignature());
        json.put("terminationCode", negotiation.terminationCode());
        ArrayNode reasons = json.putArray("terminationReason");
        negotiation.terminationReason().forEach(reasons::add);
        json.put("counterOffers", negotiation.counterOffers());
        json.put("maxCounterOffers", negotiation.maxCounterOffers());
        json.put("version", negotiation.version());
        json.put("createdAt", negotiation.createdAt().toString());
        json.put("updatedAt", negotiation.updatedAt().toString());
        ArrayNode transitions = json.putArray("transitions");
        for (NegotiationTransition transition : negotiation.transitions()) {
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

    /** The negotiation {@link #write} wrote; INVALID with the path of the first problem otherwise. */
    public static Result<ContractNegotiation> read(JsonNode json) {
        return StrictJson.read("negotiation", json, NegotiationJson::negotiation);
    }

    private static ContractNegotiation negotiation(JsonNode json) {
        String path = "negotiation";
        requireMembers(json, path, MEMBERS);
        List<NegotiationTransition> transitions = new ArrayList<>();
        JsonNode history = array(json.get("transitions"), path + ".transitions");
        for (int i = 0; i < history.size(); i++) {
            transitions.add(transition(history.get(i), path + ".transitions[" + i + "]"));
        }
        List<String> reasons = strings(json.get("terminationReason"), path + ".terminationReason");
        JsonNode agreement = json.get("agreement");
        return new ContractNegotiation(
                string(json.get("id"), path + ".id"),
                enumValue(json.get("role"), path + ".role", NegotiationRole.class),
                nullableString(json.get("providerPid"), path + ".providerPid"),
                nullableString(json.get("consumerPid"), path + ".consumerPid"),
                string(json.get("counterPartyId"), path + ".counterPartyId"),
                string(json.get("counterPartyAddress"), path + ".counterPartyAddress"),
                enumValue(json.get("state"), path + ".state", NegotiationState.class),
                string(json.get("datasetId"), path + ".datasetId"),
                offer(json.get("offer"), path + ".offer"),
                agreement.isNull() ? null : agreement(agreement, path + ".agreement"),
                nullableString(json.get("providerSignature"), path + ".providerSignature"),
                nullableString(json.get("consumerSignature"), path + ".consumerSignature"),
                nullableString(json.get("terminationCode"), path + ".terminationCode"),
                reasons,
                intValue(json.get("counterOffers"), path + ".counterOffers"),
                intValue(json.get("maxCounterOffers"), path + ".maxCounterOffers"),
                longValue(json.get("version"), path + ".version"),
                instant(json.get("createdAt"), path + ".createdAt"),
                instant(json.get("updatedAt"), path + ".updatedAt"),
                transitions);
    }

    private static NegotiationTransition transition(JsonNode json, String path) {
        requireMembers(json, path, TRANSITION_MEMBERS);
        JsonNode from = json.get("from");
        return new NegotiationTransition(
                from.isNull() ? null : enumValue(from, path + ".from", NegotiationState.class),
                enumValue(json.get("to"), path + ".to", NegotiationState.class),
                enumValue(json.get("direction"), path + ".direction", Direction.class),
                string(json.get("message"), path + ".message"),
                string(json.get("actor"), path + ".actor"),
                instant(json.get("at"), path + ".at"));
    }

    private static Offer offer(JsonNode json, String path) {
        ObjectNode policy = policy(json, path, "Offer", OFFER_MEMBERS);
        return new Offer(
                string(json.get("@id"), path + ".@id"),
                optionalString(json, "target", path),
                optionalString(json, "assigner", path),
                optionalString(json, "assignee", path),
                policy);
    }

    private static Agreement agreement(JsonNode json, String path) {
        ObjectNode policy = policy(json, path, "Agreement", AGREEMENT_MEMBERS);
        return new Agreement(
                string(json.get("@id"), path + ".@id"),
                string(json.get("target"), path + ".target"),
                string(json.get("assigner"), path + ".assigner"),
                string(json.get("assignee"), path + ".assignee"),
                json.has("timestamp") ? instant(json.get("timestamp"), path + ".timestamp") : null,
                policy);
    }

    /** Checks {@code @type} and returns every member but the modelled ones: the policy, as it was written. */
    private static ObjectNode policy(JsonNode json, String path, String type, List<String> modelled) {
        if (json == null || !json.isObject()) {
            throw new Invalid(path + " must be an object");
        }
        requireType(json, path, type);
        ObjectNode policy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            if (!modelled.contains(member.getKey())) {
                policy.set(member.getKey(), member.getValue().deepCopy());
            }
        }
        return policy;
    }

    private static void requireNoReservedMember(String what, JsonNode policy, List<String> reserved) {
        for (String name : reserved) {
            if (policy.has(name)) {
                throw new IllegalArgumentException("the " + what + "'s policy has a member '" + name
                        + "', which its DSP form uses itself; it cannot be stored without change");
            }
        }
    }
}
