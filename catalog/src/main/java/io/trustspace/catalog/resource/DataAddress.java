package io.trustspace.catalog.resource;

import java.util.Map;
import java.util.Objects;

/**
 * Where a resource's bytes are (bucket, database, internal API), for the provider's data plane only. It is
 * registered by the provider, kept beside the resource's metadata and never part of it: no {@link CatalogView},
 * {@link Resolution}, evidence payload or failure reason contains it, and {@link #toString()} hides it so it does not
 * leak into logs. Immutable.
 *
 * @param type the data plane's address type (e.g. {@code s3}, {@code jdbc}, {@code http})
 * @param endpoint the location itself
 * @param properties further address properties (bucket, table, credentials reference)
 */
public record DataAddress(String type, String endpoint, Map<String, String> properties) {

    public DataAddress {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(endpoint, "endpoint");
        if (type.isBlank() || endpoint.isBlank()) {
            throw new IllegalArgumentException("a data address has a type and an endpoint");
        }
        properties = Map.copyOf(properties);
    }

    public static DataAddress of(String type, String endpoint) {
        return new DataAddress(type, endpoint, Map.of());
    }

    @Override
    public String toString() {
        return "DataAddress[type=" + type + ", endpoint=<hidden>, properties=" + properties.keySet() + "]";
    }
}
