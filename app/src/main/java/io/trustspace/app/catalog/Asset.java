package io.trustspace.app.catalog;

import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.ResourceState;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A provider connector's own resource: what it serves (the data address, read only by its data plane), under which
 * policies, and the review state and identifier mirrored from the operator. Only LISTED assets are in its DSP
 * catalog.
 */
public record Asset(
        String localId,
        ResourceKind kind,
        String resourceId,
        ResourceState state,
        String identifier,
        ResourceMetadata metadata,
        DataAddress dataAddress,
        JsonNode accessPolicy,
        ArrayNode offers,
        JsonNode findings,
        long remoteVersion,
        Instant modifiedAt) {

    /**
     * A dataset marked LISTED without an operator's review, for runs that have none (the DSP TCK, interop runs):
     * a title, where its bytes come from, and its offers; no access policy, so every member sees it.
     */
    public static Asset listedWithoutReview(
            String localId, LocalizedText title, DataAddress dataAddress, ArrayNode offers, Instant at) {
        return new Asset(
                localId,
                ResourceKind.DATASET,
                null,
                ResourceState.LISTED,
                null,
                ResourceMetadata.titled(title),
                dataAddress,
                null,
                offers,
                JsonNodeFactory.instance.arrayNode(),
                0,
                at);
    }

    public boolean listed() {
        return state == ResourceState.LISTED;
    }
}
