package io.trustspace.app.catalog;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.ResourceJson;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.common.Result;
import io.trustspace.policy.PolicyParser;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resource as a provider registers it: local id, kind, DCAT metadata, the access policy (who may see it; absent =
 * public), the offers (the ODRL contract policies a consumer may negotiate) and — on the provider's connector only —
 * the data address, and {@code derivedFrom}: the agreements under which the data it is made from was received
 * (re-transfer control). The operator receives the same without the data address, plus the connector's DSP address.
 */
public record ResourceSubmission(
        String localId,
        ResourceKind kind,
        ResourceMetadata metadata,
        JsonNode accessPolicy,
        ArrayNode offers,
        DataAddress dataAddress,
        String connectorAddress,
        List<String> derivedFrom) {

    public static final int MAX_OFFERS = 16;

    private static final Set<String> PROVIDER_MEMBERS =
            Set.of("localId", "kind", "metadata", "accessPolicy", "offers", "dataAddress", "derivedFrom");
    private static final Set<String> OPERATOR_MEMBERS =
            Set.of("localId", "kind", "metadata", "accessPolicy", "offers", "connectorAddress");

    /** Reads what a provider's admin sends its connector (data address required). */
    public static Result<ResourceSubmission> fromProvider(JsonNode body) {
        return read(body, PROVIDER_MEMBERS);
    }

    /** Reads what a connector forwards to the operator (no data address; connector address required). */
    public static Result<ResourceSubmission> fromConnector(JsonNode body) {
        return read(body, OPERATOR_MEMBERS);
    }

    /** The same submission with other offers (the ones inherited from what it is derived from). */
    public ResourceSubmission withOffers(ArrayNode newOffers) {
        return new ResourceSubmission(
                localId, kind, metadata, accessPolicy, newOffers, dataAddress, connectorAddress, derivedFrom);
    }

    /** What the connector forwards: everything but the data address. */
    public ObjectNode toOperator(String connectorDspAddress) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("localId", localId);
        node.put("kind", kind.name());
        node.set("metadata", ResourceJson.write(metadata));
        if (accessPolicy != null && !accessPolicy.isNull()) {
            node.set("accessPolicy", accessPolicy);
        }
        node.set("offers", offers);
        node.put("connectorAddress", connectorDspAddress);
        return node;
    }

    private static Result<ResourceSubmission> read(JsonNode body, Set<String> members) {
        if (body == null || !body.isObject()) {
            return Result.invalid("the body must be a JSON object");
        }
        Iterator<String> names = body.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!members.contains(name)) {
                return Result.invalid("unknown member '" + name + "'; expected " + members);
            }
        }
        String localId = body.path("localId").asString(null);
        if (localId == null) {
            return Result.invalid("localId is required");
        }
        if (DataIdentifier.localIdProblem(localId).isPresent()) {
            return Result.invalid(
                    "localId: " + DataIdentifier.localIdProblem(localId).get());
        }
        String kindText = body.path("kind").asString("DATASET");
        ResourceKind kind;
        try {
            kind = ResourceKind.valueOf(kindText.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return Result.invalid("kind must be DATASET, DATA_PRODUCT or DATA_SERVICE, not '" + kindText + "'");
        }
        Result<ResourceMetadata> metadata = ResourceJson.readMetadata(body.path("metadata"));
        if (metadata instanceof Result.Failure<ResourceMetadata> failure) {
            return failure.cast();
        }
        JsonNode access = body.get("accessPolicy");
        if (access != null && !access.isNull()) {
            Result<?> parsed = PolicyParser.parse(access);
            if (parsed instanceof Result.Failure<?> failure) {
                return Result.invalid("accessPolicy." + failure.reason());
            }
        }
        JsonNode offersNode = body.get("offers");
        ArrayNode offers = JsonNodeFactory.instance.arrayNode();
        if (offersNode != null && !offersNode.isNull()) {
            if (!offersNode.isArray() || offersNode.size() > MAX_OFFERS) {
                return Result.invalid("offers must be an array of at most " + MAX_OFFERS + " ODRL policies");
            }
            int i = 0;
            for (JsonNode offer : offersNode) {
                Result<?> parsed = PolicyParser.parse(offer);
                if (parsed instanceof Result.Failure<?> failure) {
                    return Result.invalid("offers[" + i + "]." + failure.reason());
                }
                JsonNode id = offer.get("@id");
                if (id != null
                        && (!id.isString()
                                || id.stringValue().isBlank()
                                || id.stringValue().length() > 200)) {
                    return Result.invalid("offers[" + i + "].@id must be a string of 1 to 200 characters");
                }
                offers.add(offer);
                i++;
            }
        }
        DataAddress address = null;
        if (members.contains("dataAddress")) {
            Result<DataAddress> read = ResourceJson.readDataAddress(body.path("dataAddress"), "dataAddress");
            if (read instanceof Result.Failure<DataAddress> failure) {
                return failure.cast();
            }
            address = read.orElseThrow();
        }
        String connector = null;
        if (members.contains("connectorAddress")) {
            connector = body.path("connectorAddress").asString(null);
            if (connector == null || !connector.matches("https?://[^\\s]{1,500}")) {
                return Result.invalid("connectorAddress must be the connector's http(s) DSP address");
            }
        }
        List<String> derivedFrom = new java.util.ArrayList<>();
        JsonNode derived = body.get("derivedFrom");
        if (derived != null && !derived.isNull()) {
            if (!derived.isArray() || derived.size() > 32) {
                return Result.invalid("derivedFrom must be an array of at most 32 agreement ids");
            }
            for (JsonNode agreement : derived) {
                if (!agreement.isString()
                        || agreement.stringValue().isBlank()
                        || agreement.stringValue().length() > 256) {
                    return Result.invalid("derivedFrom must hold agreement ids (strings of 1 to 256 characters)");
                }
                derivedFrom.add(agreement.stringValue());
            }
        }
        return Result.ok(new ResourceSubmission(
                localId, kind, metadata.orElseThrow(), access, offers, address, connector, List.copyOf(derivedFrom)));
    }
}
