package io.trustspace.contract.message;

import tools.jackson.databind.JsonNode;

/** {@code CatalogRequestMessage}: asks a provider for its catalog; {@code filter} is optional (null) and opaque. */
public record CatalogRequestMessage(JsonNode filter) implements DspMessage {

    public CatalogRequestMessage {
        filter = filter == null ? null : filter.deepCopy();
    }

    @Override
    public JsonNode filter() {
        return filter == null ? null : filter.deepCopy();
    }

    @Override
    public String type() {
        return "CatalogRequestMessage";
    }
}
