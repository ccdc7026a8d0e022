package io.trustspace.contract.message;

import io.trustspace.common.Result;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes DSP 2025-1 messages in compact JSON-LD. Stateless and thread-safe.
 *
 * <p><b>Reading</b> is strict about shape and tolerant about spelling. The top-level {@code @type} must name the
 * expected message and every field the TCK's schemas require must be there; otherwise the result is INVALID with a
 * reason naming the field, e.g. {@code ContractRequestMessage.offer.@id is missing}. Inputs are bounded: nesting
 * {@value #MAX_DEPTH}, {@value #MAX_NODES} JSON values, strings of {@value #MAX_STRING} characters, ids of
 * {@value Pids#MAX_PID_LENGTH}. What other implementations (Eclipse EDC) send is accepted: terms compact
 * ({@code providerPid}), prefixed ({@code dspace:providerPid}, {@code odrl:target}) or full IRIs; vocabulary values
 * ({@code state}, {@code eventType}, {@code format}) bare, prefixed or full IRIs; {@code @type} a string or an
 * array; values wrapped as {@code {"@id": …}}, {@code {"@value": …}} or one-element arrays. The {@code @context}
 * is not interpreted: this is not a JSON-LD processor, and a document redefining the standard terms is read as if
 * it did not.
 *
 * <p><b>Writing</b> produces what the TCK accepts: {@code "@context": ["https://w3id.org/dspace/2025/1/context.jsonld"]}
 * (an array), a string {@code @type}, compact terms, bare states and event types, process ids exactly as given.
 */
public final class DspCodec {

    public static final String CONTEXT = "https://w3id.org/dspace/2025/1/context.jsonld";
    public static final String DSPACE = "https://w3id.org/dspace/2025/1/";
    public static final String ODRL = "http://www.w3.org/ns/odrl/2/";

    /**
     * Extension property of ContractAgreementMessage (the provider's) and ContractAgreementVerificationMessage (the
     * consumer's): a party's compact JWS over the agreement, so that each side holds both signatures. A full IRI,
     * which DSP's context leaves alone and other connectors ignore.
     */
    public static final String AGREEMENT_SIGNATURE = "https://trustspace.io/ns/contract#agreementSignature";

    /** The longest agreement signature read from a message (and kept: {@code ContractNegotiation}). */
    public static final int MAX_SIGNATURE_LENGTH = 16 * 1024;

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NODES = 10_000;
    public static final int MAX_STRING = 64 * 1024;
    public static final int MAX_ENDPOINT_PROPERTIES = 64;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Map<String, Function<Obj, DspMessage>> READERS = new LinkedHashMap<>();
    private static final Map<Class<?>, String> TYPES = new LinkedHashMap<>();

    static {
        reader(CatalogRequestMessage.class, "CatalogRequestMessage", DspCodec::catalogRequest);
        reader(ContractRequestMessage.class, "ContractRequestMessage", DspCodec::contractRequest);
        reader(ContractOfferMessage.class, "ContractOfferMessage", DspCodec::contractOffer);
        reader(ContractAgreementMessage.class, "ContractAgreementMessage", DspCodec::contractAgreement);
        reader(
                ContractAgreementVerificationMessage.class,
                "ContractAgreementVerificationMessage",
                o -> new ContractAgreementVerificationMessage(
                        o.pid("providerPid"),
                        o.pid("consumerPid"),
                        o.optionalText(AGREEMENT_SIGNATURE, MAX_SIGNATURE_LENGTH)));
        reader(ContractNegotiationEventMessage.class, "ContractNegotiationEventMessage", DspCodec::event);
        reader(
                ContractNegotiationTerminationMessage.class,
                "ContractNegotiationTerminationMessage",
                o -> new ContractNegotiationTerminationMessage(
                        o.pid("providerPid"), o.pid("consumerPid"), o.code(), o.reasons()));
        reader(TransferRequestMessage.class, "TransferRequestMessage", DspCodec::transferRequest);
        reader(
                TransferStartMessage.class,
                "TransferStartMessage",
                o -> new TransferStartMessage(
                        o.pid("providerPid"),
                        o.pid("consumerPid"),
                        o.has("dataAddress") ? dataAddress(o.object("dataAddress")) : null));
        reader(
                TransferSuspensionMessage.class,
                "TransferSuspensionMessage",
                o -> new TransferSuspensionMessage(o.pid("providerPid"), o.pid("consumerPid"), o.code(), o.reasons()));
        reader(
                TransferCompletionMessage.class,
                "TransferCompletionMessage",
                o -> new TransferCompletionMessage(o.pid("providerPid"), o.pid("consumerPid")));
        reader(
                TransferTerminationMessage.class,
                "TransferTerminationMessage",
                o -> new TransferTerminationMessage(o.pid("providerPid"), o.pid("consumerPid"), o.code(), o.reasons()));
        reader(
                ContractNegotiationResponse.class,
                "ContractNegotiation",
                o -> new ContractNegotiationResponse(
                        o.pid("providerPid"),
                        o.pid("consumerPid"),
                        o.vocab("state", ContractNegotiationResponse.STATES)));
        reader(
                TransferProcessResponse.class,
                "TransferProcess",
                o -> new TransferProcessResponse(
                        o.pid("providerPid"), o.pid("consumerPid"), o.vocab("state", TransferProcessResponse.STATES)));
        reader(
                ContractNegotiationError.class,
                "ContractNegotiationError",
                o -> new ContractNegotiationError(
                        o.optionalPid("providerPid"), o.optionalPid("consumerPid"), o.code(), o.reasons()));
        reader(
                TransferError.class,
                "TransferError",
                o -> new TransferError(
                        o.optionalPid("providerPid"), o.optionalPid("consumerPid"), o.code(), o.reasons()));
        reader(CatalogError.class, "CatalogError", o -> new CatalogError(o.code(), o.reasons()));
    }

    private DspCodec() {}

    private static <T extends DspMessage> void reader(Class<T> type, String name, Function<Obj, T> read) {
        READERS.put(name, read::apply);
        TYPES.put(type, name);
    }

    /** Reads {@code body} as a message of {@code type}; INVALID (with the reason) if it is not one. */
    public static <T extends DspMessage> Result<T> read(JsonNode body, Class<T> type) {
        String name = TYPES.get(type);
        if (name == null) {
            throw new IllegalArgumentException("no reader for " + type);
        }
        try {
            Obj message = top(body);
            if (!message.isType(name)) {
                return Result.invalid("expected @type " + name + " but got " + message.typeText());
            }
            return Result.ok(type.cast(READERS.get(name).apply(message)));
        } catch (Rejected rejected) {
            return Result.invalid(rejected.getMessage());
        } catch (IllegalArgumentException invalid) {
            return Result.invalid(name + ": " + invalid.getMessage());
        }
    }

    /** Reads {@code body} as whichever message its {@code @type} names; INVALID if none or if it is malformed. */
    public static Result<DspMessage> read(JsonNode body) {
        try {
            Obj message = top(body);
            for (Map.Entry<String, Function<Obj, DspMessage>> reader : READERS.entrySet()) {
                if (message.isType(reader.getKey())) {
                    try {
                        return Result.ok(reader.getValue().apply(message));
                    } catch (IllegalArgumentException invalid) {
                        return Result.invalid(reader.getKey() + ": " + invalid.getMessage());
                    }
                }
            }
            return Result.invalid("@type " + message.typeText() + " is not a DSP 2025-1 message we read");
        } catch (Rejected rejected) {
            return Result.invalid(rejected.getMessage());
        }
    }

    /** The compact JSON-LD of {@code message}, with the DSP 2025-1 context as an array. A new node each call. */
    public static ObjectNode write(DspMessage message) {
        ObjectNode json = JSON.objectNode();
        json.putArray("@context").add(CONTEXT);
        json.put("@type", message.type());
        if (message instanceof CatalogRequestMessage m) {
            if (m.filter() != null) {
                json.set("filter", m.filter());
            }
        } else if (message instanceof ContractRequestMessage m) {
            putIfSet(json, "providerPid", m.providerPid());
            json.put("consumerPid", m.consumerPid());
            if (m.providerPid() == null) {
                json.put("callbackAddress", m.callbackAddress());
            }
            json.set("offer", offerJson(m.offer()));
        } else if (message instanceof ContractOfferMessage m) {
            json.put("providerPid", m.providerPid());
            if (m.consumerPid() != null) {
                json.put("consumerPid", m.consumerPid());
            } else {
                json.put("callbackAddress", m.callbackAddress());
            }
            json.set("offer", offerJson(m.offer()));
        } else if (message instanceof ContractAgreementMessage m) {
            pids(json, m.providerPid(), m.consumerPid());
            json.set("agreement", agreementJson(m.agreement()));
            if (m.providerSignature() != null) {
                json.put(AGREEMENT_SIGNATURE, m.providerSignature());
            }
        } else if (message instanceof ContractAgreementVerificationMessage m) {
            pids(json, m.providerPid(), m.consumerPid());
            if (m.consumerSignature() != null) {
                json.put(AGREEMENT_SIGNATURE, m.consumerSignature());
            }
        } else if (message instanceof ContractNegotiationEventMessage m) {
            pids(json, m.providerPid(), m.consumerPid());
            json.put("eventType", m.eventType().name());
        } else if (message instanceof ContractNegotiationTerminationMessage m) {
            pids(json, m.providerPid(), m.consumerPid());
            codeAndReason(json, m.code(), m.reason());
        } else if (message instanceof TransferRequestMessage m) {
            json.put("consumerPid", m.consumerPid());
            json.put("agreementId", m.agreementId());
            json.put("format", m.format());
            json.put("callbackAddress", m.callbackAddress());
            if (m.dataAddress() != null) {
                json.set("dataAddress", dataAddressJson(m.dataAddress()));
            }
        } else if (message instanceof TransferStartMessage m) {
            pids(json, m.providerPid(), m.consumerPid());
            if (m.dataAddress() != null) {
                json.set("dataAddress", dataAddressJson(m.dataAddress()));
            }
        } else if (message instanceof TransferSuspensionMessage m) {
            pids(json, m.providerPid(), m.consumerPid());
            codeAndReason(json, m.code(), m.reason());
        } else if (message instanceof TransferCompletionMessage m) {
            pids(json, m.providerPid(), m.consumerPid());
        } else if (message instanceof TransferTerminationMessage m) {
            pids(json, m.providerPid(), m.consumerPid());
            codeAndReason(json, m.code(), m.reason());
        } else if (message instanceof ContractNegotiationResponse m) {
            pids(json, m.providerPid(), m.consumerPid());
            json.put("state", m.state());
        } else if (message instanceof TransferProcessResponse m) {
            pids(json, m.providerPid(), m.consumerPid());
            json.put("state", m.state());
        } else if (message instanceof ContractNegotiationError m) {
            putIfSet(json, "providerPid", m.providerPid());
            putIfSet(json, "consumerPid", m.consumerPid());
            codeAndReason(json, m.code(), m.reason());
        } else if (message instanceof TransferError m) {
            putIfSet(json, "providerPid", m.providerPid());
            putIfSet(json, "consumerPid", m.consumerPid());
            codeAndReason(json, m.code(), m.reason());
        } else if (message instanceof CatalogError m) {
            codeAndReason(json, m.code(), m.reason());
        } else {
            throw new IllegalArgumentException("cannot write " + message.type());
        }

        return json;
    }

    /** An offer as it appears inside a message: {@code @id}, {@code @type: "Offer"}, parties, then the policy. */
    public static ObjectNode offerJson(Offer offer) {
        ObjectNode json = JSON.objectNode();
        json.put("@id", offer.id());
        json.put("@type", "Offer");
        putIfSet(json, "target", offer.target());
        putIfSet(json, "assigner", offer.assigner());
        putIfSet(json, "assignee", offer.assignee());
        json.setAll((ObjectNode) offer.policy());
        return json;
    }

    /** An agreement as it appears inside a {@link ContractAgreementMessage} (and as it is signed). */
    public static ObjectNode agreementJson(Agreement agreement) {
        ObjectNode json = JSON.objectNode();
        json.put("@id", agreement.id());
        json.put("@type", "Agreement");
        json.put("target", agreement.target());
        json.put("assigner", agreement.assigner());
        json.put("assignee", agreement.assignee());
        if (agreement.timestamp() != null) {
            json.put("timestamp", agreement.timestamp().toString());
        }
        json.setAll((ObjectNode) agreement.policy());
        return json;
    }

    public static ObjectNode dataAddressJson(DataAddress address) {
        ObjectNode json = JSON.objectNode();
        json.put("@type", "DataAddress");
        json.put("endpointType", address.endpointType());
        json.put("endpoint", address.endpoint());
        if (!address.endpointProperties().isEmpty()) {
            ArrayNode properties = json.putArray("endpointProperties");
            for (EndpointProperty property : address.endpointProperties()) {
                properties
                        .addObject()
                        .put("@type", "EndpointProperty")
                        .put("name", property.name())
                        .put("value", property.value());
            }
        }
        return json;
    }

    private static void pids(ObjectNode json, String providerPid, String consumerPid) {
        json.put("providerPid", providerPid);
        json.put("consumerPid", consumerPid);
    }

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static void codeAndReason(ObjectNode json, String code, List<String> reason) {
        putIfSet(json, "code", code);
        if (!reason.isEmpty()) {
            ArrayNode reasons = json.putArray("reason");
            reason.forEach(reasons::add);
        }
    }

    // ---- readers of the individual messages ----

    private static CatalogRequestMessage catalogRequest(Obj o) {
        JsonNode filter = o.raw("filter");
        return new CatalogRequestMessage(filter);
    }

    private static ContractRequestMessage contractRequest(Obj o) {
        String consumerPid = o.pid("consumerPid");
        String providerPid = o.optionalPid("providerPid");
        String callback = o.has("callbackAddress") ? o.address("callbackAddress") : null;
        if (providerPid == null && callback == null) {
            throw o.reject("needs a providerPid (counter-offer) or a callbackAddress (initial request)");
        }
        Offer offer = offer(o.object("offer"), true, false);
        if (!offer.hasRules()) {
            throw o.reject("offer needs a permission or a prohibition");
        }
        return new ContractRequestMessage(consumerPid, providerPid, callback, offer);
    }

    private static ContractOfferMessage contractOffer(Obj o) {
        String providerPid = o.pid("providerPid");
        String consumerPid = o.optionalPid("consumerPid");
        String callback = o.has("callbackAddress") ? o.address("callbackAddress") : null;
        if (consumerPid == null && callback == null) {
            throw o.reject("needs a consumerPid or a callbackAddress");
        }
        return new ContractOfferMessage(providerPid, consumerPid, callback, offer(o.object("offer"), false, true));
    }

    private static ContractAgreementMessage contractAgreement(Obj o) {
        return new ContractAgreementMessage(
                o.pid("providerPid"),
                o.pid("consumerPid"),
                agreement(o.object("agreement")),
                o.optionalText(AGREEMENT_SIGNATURE, MAX_SIGNATURE_LENGTH));
    }

    private static ContractNegotiationEventMessage event(Obj o) {
        String eventType = o.vocab("eventType", List.of("ACCEPTED", "FINALIZED"));
        return new ContractNegotiationEventMessage(
                o.pid("providerPid"), o.pid("consumerPid"), EventType.valueOf(eventType));
    }

    private static TransferRequestMessage transferRequest(Obj o) {
        return new TransferRequestMessage(
                o.pid("consumerPid"),
                o.pid("agreementId"),
                stripVocab(o.pid("format")),
                o.address("callbackAddress"),
                o.has("dataAddress") ? dataAddress(o.object("dataAddress")) : null);
    }

    private static Offer offer(Obj o, boolean typeRequired, boolean targetRequired) {
        if (o.hasType() || typeRequired) {
            if (!o.isType("Offer")) {
                throw o.reject("must have @type Offer, not " + o.typeText());
            }
        }
        String id = o.pid("@id");
        String target = targetRequired ? o.pid("target") : o.optionalPid("target");
        return new Offer(id, target, o.optionalPid("assigner"), o.optionalPid("assignee"), o.policy());
    }

    private static Agreement agreement(Obj o) {
        if (!o.isType("Agreement")) {
            throw o.reject("must have @type Agreement, not " + o.typeText());
        }
        Agreement agreement = new Agreement(
                o.pid("@id"),
                o.pid("target"),
                o.pid("assigner"),
                o.pid("assignee"),
                o.has("timestamp") ? o.dateTime("timestamp") : null,
                o.policy());
        if (!agreement.hasPermission()) {
            throw o.reject("needs a permission");
        }
        return agreement;
    }

    private static DataAddress dataAddress(Obj o) {
        if (o.hasType() && !o.isType("DataAddress")) {
            throw o.reject("must have @type DataAddress, not " + o.typeText());
        }
        String endpointType = o.text("endpointType", Pids.MAX_ADDRESS_LENGTH);
        String endpoint = o.optionalText("endpoint", Pids.MAX_ADDRESS_LENGTH);
        List<EndpointProperty> properties = new ArrayList<>();
        if (o.has("endpointProperties")) {
            List<Obj> entries = o.objects("endpointProperties");
            if (entries.size() > MAX_ENDPOINT_PROPERTIES) {
                throw o.reject("has more than " + MAX_ENDPOINT_PROPERTIES + " endpointProperties");
            }
            for (Obj entry : entries) {
                properties.add(new EndpointProperty(
                        entry.text("name", Pids.MAX_TEXT_LENGTH), entry.text("value", MAX_STRING)));
            }
        }
        if (endpoint == null || endpoint.isBlank()) {
            // Eclipse EDC sends the endpoint only as an endpoint property ("https://w3id.org/edc/v0.0.1/ns/endpoint").
            endpoint = properties.stream()
                    .filter(property ->
                            property.named("endpoint") && !property.value().isBlank())
                    .map(EndpointProperty::value)
                    .findFirst()
                    .orElseThrow(() -> new Rejected(o.where("endpoint") + " is missing"));
            if (endpoint.length() > Pids.MAX_ADDRESS_LENGTH) {
                throw new Rejected(o.where("endpoint") + " is longer than " + Pids.MAX_ADDRESS_LENGTH + " characters");
            }
        }
        return new DataAddress(endpointType, endpoint, properties);
    }

    static String stripVocab(String value) {
        if (value.startsWith(DSPACE)) {
            return value.substring(DSPACE.length());
        }
        if (value.startsWith("dspace:")) {
            return value.substring("dspace:".length());
        }
        return value;
    }

    private static Obj top(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Rejected("a DSP message is a JSON object");
        }
        int[] nodes = {0};
        bound(body, 1, nodes);
        Obj message = new Obj((ObjectNode) body, "");
        if (!message.hasType()) {
            throw new Rejected("@type is missing");
        }
        return message.named(message.typeText());
    }

    private static void bound(JsonNode node, int depth, int[] nodes) {
        if (++nodes[0] > MAX_NODES) {
            throw new Rejected("message has more than " + MAX_NODES + " JSON values");
        }
        if (depth > MAX_DEPTH) {
            throw new Rejected("message is nested deeper than " + MAX_DEPTH);
        }
        if (node.isString() && node.stringValue().length() > MAX_STRING) {
            throw new Rejected("message has a string longer than " + MAX_STRING + " characters");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (member.getKey().length() > MAX_STRING) {
                    throw new Rejected("message has a member name longer than " + MAX_STRING + " characters");
                }
                bound(member.getValue(), depth + 1, nodes);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node.values()) {
                bound(element, depth + 1, nodes);
            }
        }
    }

    /** Thrown inside the reader only; turned into an INVALID result at the top. */
    private static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /** A JSON object with tolerant term lookup; {@code path} names it in rejections. */
    private static final class Obj {

        private static final List<String> RULES = List.of("permission", "prohibition", "obligation");
        private static final List<String> MODELLED =
                List.of("@id", "@type", "@context", "target", "assigner", "assignee", "timestamp");

        private final ObjectNode node;
        private final String path;

        Obj(ObjectNode node, String path) {
            this.node = node;
            this.path = path;
        }

        Obj named(String name) {
            return new Obj(node, name);
        }

        Rejected reject(String problem) {
            return new Rejected((path.isEmpty() ? "" : path + " ") + problem);
        }

        private String where(String term) {
            return path.isEmpty() ? term : path + "." + term;
        }

        /** The compact term a member name stands for, or null if it is not a DSP/ODRL term. */
        static String term(String key) {
            for (String prefix : List.of(DSPACE, ODRL, "dspace:", "odrl:")) {
                if (key.startsWith(prefix)) {
                    return key.substring(prefix.length());
                }
            }
            return key;
        }

        JsonNode raw(String term) {
            JsonNode found = null;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (member.getKey().startsWith("@")
                        ? member.getKey().equals(term)
                        : term(member.getKey()).equals(term)) {
                    if (found != null) {
                        throw new Rejected(where(term) + " is given more than once (in different spellings)");
                    }
                    found = member.getValue();
                }
            }
            return found;
        }

        boolean has(String term) {
            JsonNode value = raw(term);
            return value != null && !value.isNull();
        }

        boolean hasType() {
            return node.has("@type");
        }

        List<String> types() {
            JsonNode type = node.get("@type");
            List<String> types = new ArrayList<>();
            if (type == null) {
                return types;
            }
            if (type.isArray()) {
                for (JsonNode element : type.values()) {
                    if (element.isString()) {
                        types.add(element.stringValue());
                    }
                }
            } else if (type.isString()) {
                types.add(type.stringValue());
            }
            return types;
        }

        boolean isType(String name) {
            return types().stream().anyMatch(type -> term(type).equals(name));
        }

        String typeText() {
            List<String> types = types();
            return types.isEmpty() ? "(none)" : String.join(",", types);
        }

        private static JsonNode unwrap(JsonNode value) {
            JsonNode current = value;
            while (true) {
                if (current.isArray() && current.size() == 1) {
                    current = current.get(0);
                } else if (current.isObject() && current.has("@value")) {
                    current = current.get("@value");
                } else if (current.isObject() && current.size() == 1 && current.has("@id")) {
                    current = current.get("@id");
                } else {
                    return current;
                }
            }
        }

        String optionalText(String term, int max) {
            JsonNode value = raw(term);
            if (value == null || value.isNull()) {
                return null;
            }
            JsonNode unwrapped = unwrap(value);
            if (!unwrapped.isString()) {
                throw new Rejected(where(term) + " must be a string");
            }
            String text = unwrapped.stringValue();
            if (text.length() > max) {
                throw new Rejected(where(term) + " is longer than " + max + " characters");
            }
            return text;
        }

        String text(String term, int max) {
            String text = optionalText(term, max);
            if (text == null || text.isBlank()) {
                throw new Rejected(where(term) + " is missing");
            }
            return text;
        }

        String optionalPid(String term) {
            String value = optionalText(term, Integer.MAX_VALUE);
            if (value == null) {
                return null;
            }
            Pids.problem(where(term), value).ifPresent(problem -> {
                throw new Rejected(problem);
            });
            return value;
        }

        String pid(String term) {
            String value = optionalPid(term);
            if (value == null) {
                throw new Rejected(where(term) + " is missing");
            }
            return value;
        }

        String vocab(String term, java.util.Collection<String> allowed) {
            String value = stripVocab(text(term, Pids.MAX_PID_LENGTH));
            if (!allowed.contains(value)) {
                throw new Rejected(where(term) + " '" + value + "' is not one of " + allowed);
            }
            return value;
        }

        String address(String term) {
            String value = text(term, Pids.MAX_ADDRESS_LENGTH);
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new Rejected(where(term) + " must be an absolute http(s) URL");
                }
                // Process paths are appended to it: a query or fragment would turn them into data and let the
                // sender pick any path on the host; user info has no place in an address we post to.
                if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw new Rejected(where(term) + " must be a base URL without user info, query or fragment");
                }
            } catch (URISyntaxException e) {
                throw new Rejected(where(term) + " is not a URL: " + e.getReason());
            }
            return value;
        }

        Instant dateTime(String term) {
            String value = text(term, 64);
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new Rejected(where(term) + " is not an xsd:dateTime with offset: " + value);
            }
        }

        String code() {
            JsonNode value = raw("code");
            if (value == null || value.isNull()) {
                return null;
            }
            JsonNode unwrapped = unwrap(value);
            if (unwrapped.isNumber()) {
                return unwrapped.asString();
            }
            return optionalText("code", Pids.MAX_TEXT_LENGTH);
        }

        List<String> reasons() {
            JsonNode value = raw("reason");
            List<String> reasons = new ArrayList<>();
            if (value == null || value.isNull()) {
                return reasons;
            }
            List<JsonNode> entries = new ArrayList<>();
            if (value.isArray()) {
                value.values().forEach(entries::add);
            } else {
                entries.add(value);
            }
            if (entries.size() > Pids.MAX_REASONS) {
                throw new Rejected(where("reason") + " has more than " + Pids.MAX_REASONS + " entries");
            }
            for (JsonNode entry : entries) {
                JsonNode unwrapped = unwrap(entry);
                // A reason may be any JSON; we keep text as is and anything else as its JSON text.
                String text = unwrapped.isString() ? unwrapped.stringValue() : unwrapped.toString();
                if (text.length() > Pids.MAX_TEXT_LENGTH) {
                    throw new Rejected(where("reason") + " has an entry longer than " + Pids.MAX_TEXT_LENGTH);
                }
                reasons.add(text);
            }
            return reasons;
        }

        Obj object(String term) {
            JsonNode value = raw(term);
            if (value == null || value.isNull()) {
                throw new Rejected(where(term) + " is missing");
            }
            while (value.isArray() && value.size() == 1) {
                value = value.get(0);
            }
            if (!value.isObject()) {
                throw new Rejected(where(term) + " must be an object");
            }
            return new Obj((ObjectNode) value, where(term));
        }

        List<Obj> objects(String term) {
            JsonNode value = raw(term);
            List<Obj> objects = new ArrayList<>();
            List<JsonNode> entries = new ArrayList<>();
            if (value.isArray()) {
                value.values().forEach(entries::add);
            } else {
                entries.add(value);
            }
            for (int i = 0; i < entries.size(); i++) {
                if (!entries.get(i).isObject()) {
                    throw new Rejected(where(term) + "[" + i + "] must be an object");
                }
                objects.add(new Obj((ObjectNode) entries.get(i), where(term) + "[" + i + "]"));
            }
            return objects;
        }

        /**
         * The policy part of an offer or agreement: every member but the modelled ones, with the rule members
         * renamed to their compact terms and always arrays. Rule contents are kept as received (the policy module
         * reads their prefixed and IRI forms).
         */
        ObjectNode policy() {
            ObjectNode policy = JSON.objectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String key = member.getKey();
                String term = key.startsWith("@") ? key : term(key);
                if (MODELLED.contains(term)) {
                    continue;
                }
                if (RULES.contains(term)) {
                    JsonNode rules = member.getValue();
                    if (rules.isObject()) {
                        ArrayNode array = JSON.arrayNode();
                        array.add(rules.deepCopy());
                        rules = array;
                    }
                    if (!rules.isArray()) {
                        throw new Rejected(where(term) + " must be an array of rules");
                    }
                    for (JsonNode rule : rules.values()) {
                        if (!rule.isObject()) {
                            throw new Rejected(where(term) + " must hold rule objects");
                        }
                    }
                    if (policy.has(term)) {
                        throw new Rejected(where(term) + " is given more than once (in different spellings)");
                    }
                    policy.set(term, rules.deepCopy());
                } else {
                    policy.set(key, member.getValue().deepCopy());
                }
            }
            return policy;
        }
    }
}
