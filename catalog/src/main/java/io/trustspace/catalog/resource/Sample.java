package io.trustspace.catalog.resource;

/**
 * A small, shareable sample of the data (a few de-identified rows, an example response) shown in the catalog.
 * At most {@value AdmissionChecks#MAX_SAMPLE_LENGTH} characters. Immutable.
 */
public record Sample(String mediaType, String content) {}
