package io.trustspace.app.catalog;

import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.ResourceJson;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * DSP 2025-1 catalog messages in compact JSON-LD. The context is the DSP one only (peers such as the TCK resolve
 * no other remote context); our additions use full IRIs: DCAT/Dublin Core terms for the description, and in the
 * TrustSpace namespace the identifier's full metadata and the access policy as JSON literals, which the operator's
 * harvester reads so it can filter search results per caller exactly as this connector does.
 */
public final class DspCatalogJson {

    public static final String DSP_CONTEXT = "https://w3id.org/dspace/2025/1/context.jsonld";
    public static final String DSP_NS = "https://w3id.org/dspace/2025/1/";
    public static final String DSP_PATH = "/dsp/2025-1";
    public static final String TS_CATALOG = "https://trustspace.io/ns/catalog#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String participantId;
    private final String dspAddress;

    public DspCatalogJson(String participantId, String dspAddress) {
        this.participantId = participantId;
        this.dspAddress = dspAddress;
    }

    /** What this connector calls itself in DSP messages (assigner of its offers and agreements). */
    public String participantId() {
        return participantId;
    }

    public String dspAddress() {
        return dspAddress;
    }

    public ObjectNode catalog(List<Asset> assets) {
        ObjectNode catalog = NODES.objectNode();
        catalog.set("@context", context());
        catalog.put("@id", "urn:trustspace:catalog:" + participantId);
        catalog.put("@type", "Catalog");
        catalog.put("participantId", participantId);
        ArrayNode datasets = catalog.putArray("dataset");
        for (Asset asset : assets) {
            datasets.add(dataset(asset, false));
        }
        ArrayNode services = catalog.putArray("service");
        services.add(dataService());
        return catalog;
    }

    public ObjectNode dataset(Asset asset, boolean root) {
        ObjectNode dataset = NODES.objectNode();
        if (root) {
            dataset.set("@context", context());
        }
        dataset.put("@id", asset.localId());
        dataset.put("@type", "Dataset");
        ArrayNode policies = dataset.putArray("hasPolicy");
        int i = 0;
        for (JsonNode declared : asset.offers()) {
            ObjectNode offer = ((ObjectNode) declared).deepCopy();
            offer.remove("@context");
            // In a catalog the dataset is the implied target; DSP forbids repeating it in hasPolicy.
            offer.remove("target");
            offer.remove("odrl:target");
            if (!offer.has("@id")) {
                offer.put("@id", offerId(asset.localId(), i));
            }
            offer.put("@type", "Offer");
            policies.add(offer);
            i++;
        }
        ArrayNode distributions = dataset.putArray("distribution");
        for (String format : List.of("HttpData-PULL", "HttpData-PUSH")) {
            ObjectNode distribution = distributions.addObject();
            distribution.put("@type", "Distribution");
            distribution.put("format", format);
            distribution.set("accessService", dataService());
        }
        if (asset.identifier() != null) {
            dataset.put(DCT + "identifier", asset.identifier());
        }
        putText(dataset, DCT + "title", asset.metadata().title());
        putText(dataset, DCT + "description", asset.metadata().description());
        if (!asset.metadata().keywords().isEmpty()) {
            ArrayNode keywords = dataset.putArray(DCAT + "keyword");
            asset.metadata().keywords().forEach(keywords::add);
        }
        dataset.set(TS_CATALOG + "kind", NODES.stringNode(asset.kind().name()));
        dataset.set(TS_CATALOG + "metadata", jsonLiteral(ResourceJson.write(asset.metadata())));
        if (asset.accessPolicy() != null && !asset.accessPolicy().isNull()) {
            dataset.set(TS_CATALOG + "accessPolicy", jsonLiteral(asset.accessPolicy()));
        }
        return dataset;
    }

    /** The id an offer gets when its provider declared none: stable per asset and position. */
    public static String offerId(String localId, int index) {
        return localId + ":offer:" + (index + 1);
    }

    /** Whether a DSP message's {@code @type} is {@code type} (compact, prefixed or as the full IRI). */
    public static boolean isType(JsonNode message, String type) {
        JsonNode node = message.get("@type");
        if (node == null) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (matches(item.asString(""), type)) {
                    return true;
                }
            }
            return false;
        }
        return matches(node.asString(""), type);
    }

    private static boolean matches(String value, String type) {
        return value.equals(type) || value.equals("dspace:" + type) || value.equals(DSP_NS + type);
    }

    static ArrayNode context() {
        return NODES.arrayNode().add(DSP_CONTEXT);
    }

    private ObjectNode dataService() {
        ObjectNode service = NODES.objectNode();
        service.put("@id", "urn:trustspace:dataservice:" + participantId);
        service.put("@type", "DataService");
        service.put("endpointURL", dspAddress);
        return service;
    }

    private static ObjectNode jsonLiteral(JsonNode value) {
        ObjectNode literal = NODES.objectNode();
        literal.put("@type", "@json");
        literal.set("@value", value);
        return literal;
    }

    private static void putText(ObjectNode node, String iri, LocalizedText text) {
        if (text == null) {
            return;
        }
        ArrayNode values = node.putArray(iri);
        if (text.zh() != null) {
            values.addObject().put("@value", text.zh()).put("@language", "zh");
        }
        if (text.en() != null) {
            values.addObject().put("@value", text.en()).put("@language", "en");
        }
    }
}
