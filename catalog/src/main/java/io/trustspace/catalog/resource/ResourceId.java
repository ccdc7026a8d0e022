package io.trustspace.catalog.resource;

import java.util.Objects;
import java.util.UUID;

/**
 * The catalog's internal id of a resource, {@code urn:trustspace:resource:<uuid>}, assigned at drafting. The public,
 * persistent name is the {@link io.trustspace.catalog.identifier.DataIdentifier} minted at listing. Immutable.
 */
public record ResourceId(String value) {

    private static final String PREFIX = "urn:trustspace:resource:";

    public ResourceId {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a resource id starts with " + PREFIX);
        }
        UUID.fromString(value.substring(PREFIX.length()));
    }

    public static ResourceId of(UUID uuid) {
        return new ResourceId(PREFIX + uuid);
    }

    @Override
    public String toString() {
        return value;
    }
}
