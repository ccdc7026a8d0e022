package io.trustspace.app.catalog;

import io.trustspace.app.catalog.ResourcePolicyStore.ResourcePolicies;
import io.trustspace.catalog.resource.CatalogView;
import io.trustspace.catalog.resource.Finding;
import io.trustspace.catalog.resource.Resolution;
import io.trustspace.catalog.resource.Resource;
import io.trustspace.catalog.resource.ResourceJson;
import io.trustspace.catalog.resource.Transition;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON the catalog APIs answer with. Data addresses never appear in any of them. */
final class ResourceViews {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResourceViews() {}

    static ObjectNode resource(Resource resource, Optional<ResourcePolicies> policies) {
        ObjectNode node = NODES.objectNode();
        node.put("id", resource.id().value());
        node.put("localId", resource.localId());
        node.put("kind", resource.kind().name());
        node.put("provider", resource.provider());
        node.put("revision", resource.revision());
        node.put("state", resource.state().name());
        node.put(
                "identifier",
                resource.identifier() == null ? null : resource.identifier().format());
        node.put("version", resource.version());
        node.set("findings", findings(resource));
        ArrayNode transitions = node.putArray("transitions");
        for (Transition transition : resource.transitions()) {
            transitions
                    .addObject()
                    .put(
                            "from",
                            transition.from() == null ? null : transition.from().name())
                    .put("to", transition.to().name())
                    .put("actor", transition.actor())
                    .put("reason", transition.reason())
                    .put("at", transition.at().toString());
        }
        node.set("metadata", ResourceJson.write(resource.metadata()));
        policies.ifPresent(p -> putPolicies(node, p));
        return node;
    }

    static ArrayNode findings(Resource resource) {
        ArrayNode findings = NODES.arrayNode();
        for (Finding finding : resource.findings()) {
            findings.addObject()
                    .put("field", finding.field())
                    .put("rule", finding.rule())
                    .put("message", finding.message());
        }
        return findings;
    }

    static ObjectNode resolution(OperatorCatalog.Resolved resolved) {
        ObjectNode node = NODES.objectNode();
        Resolution resolution = resolved.resolution();
        node.put("identifier", resolution.identifier().format());
        node.put("status", resolution.status().name());
        node.put("holder", resolution.holder());
        if (resolution instanceof Resolution.Active active) {
            CatalogView view = active.view();
            node.put("kind", view.kind().name());
            ArrayNode methods = node.putArray("accessMethods");
            view.accessMethods().stream().map(Enum::name).sorted().forEach(methods::add);
            node.put("listedAt", view.listedAt().toString());
            node.set("metadata", ResourceJson.write(view.metadata()));
            resolved.policies().ifPresent(p -> putPolicies(node, p));
        } else if (resolution instanceof Resolution.Tombstone tombstone) {
            node.put("kind", tombstone.kind().name());
            if (tombstone.title() != null) {
                node.putObject("title")
                        .put("zh", tombstone.title().zh())
                        .put("en", tombstone.title().en());
            }
            node.put("reason", tombstone.reason());
            node.put("delistedBy", tombstone.delistedBy());
            node.put("delistedAt", tombstone.delistedAt().toString());
        }
        return node;
    }

    private static void putPolicies(ObjectNode node, ResourcePolicies policies) {
        node.set("accessPolicy", policies.accessPolicy());
        node.set("offers", policies.offers());
        node.put("connectorAddress", policies.connectorAddress());
    }
}
