package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The public projection of a listed resource: what the catalog shows and what resolving its identifier returns.
 * It is built from the identifier, the holder, the state and the {@link ResourceMetadata}; it has no way to reach
 * the {@link DataAddress}, which is why the catalog's HTTP and DSP edges serialise this type and never
 * {@link Resource}. Immutable.
 *
 * @param accessMethods the access methods of all distributions, for filtering
 * @param listedAt when a reviewer listed the resource
 */
public record CatalogView(
        DataIdentifier identifier,
        ResourceKind kind,
        String holder,
        ResourceState status,
        ResourceMetadata metadata,
        Set<AccessMethod> accessMethods,
        Instant listedAt) {

    public CatalogView {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(metadata, "metadata");
        accessMethods = Set.copyOf(accessMethods);
    }

    /** The view of a resource that has an identifier (LISTED or DELISTED). */
    public static CatalogView of(Resource resource) {
        if (resource.identifier() == null) {
            throw new IllegalArgumentException(
                    "resource " + resource.id() + " is " + resource.state() + " and has no catalog view");
        }
        Set<AccessMethod> methods = EnumSet.noneOf(AccessMethod.class);
        resource.metadata().distributions().stream()
                .map(Distribution::accessMethod)
                .filter(Objects::nonNull)
                .forEach(methods::add);
        Instant listedAt = resource.transitions().stream()
                .filter(transition -> transition.to() == ResourceState.LISTED)
                .map(Transition::at)
                .findFirst()
                .orElseThrow();
        return new CatalogView(
                resource.identifier(),
                resource.kind(),
                resource.provider(),
                resource.state(),
                resource.metadata(),
                methods,
                listedAt);
    }
}
