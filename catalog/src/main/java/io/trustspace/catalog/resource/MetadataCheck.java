package io.trustspace.catalog.resource;

import java.util.List;

/**
 * An admission rule beyond the built-in ones of {@link AdmissionChecks}, e.g. the SHACL shapes of
 * {@code io.trustspace.catalog.shacl.ShapeCheck}. Implementations must be stateless (or immutable) and thread-safe,
 * must not change anything, and return every finding at once, with {@link Finding#field()} paths as
 * {@link AdmissionChecks} writes them ({@code title.zh}, {@code schema[2].type}); an empty list means the metadata
 * passes. A check that cannot run (a bug, a broken rule set) throws rather than passing silently.
 */
@FunctionalInterface
public interface MetadataCheck {

    /** Every finding for a resource of {@code kind} with {@code metadata}; empty when it passes. */
    List<Finding> check(ResourceKind kind, ResourceMetadata metadata);
}
