package io.trustspace.app.catalog;

import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.ResourceState;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

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

    public boolean listed() {
        return state == ResourceState.LISTED;
    }
}
