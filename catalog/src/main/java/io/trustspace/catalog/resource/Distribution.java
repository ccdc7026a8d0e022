package io.trustspace.catalog.resource;

/**
 * One way a resource is made available ({@code dcat:Distribution}): its format (e.g. {@code CSV}, {@code Parquet},
 * {@code OpenAPI 3.1}), media type ({@code text/csv}) and access method. Where the bytes are is the provider's
 * {@link DataAddress}, never part of a distribution. Immutable.
 */
public record Distribution(String format, String mediaType, AccessMethod accessMethod) {}
