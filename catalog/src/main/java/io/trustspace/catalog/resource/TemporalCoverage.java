package io.trustspace.catalog.resource;

import java.time.LocalDate;

/** The period the data covers ({@code dct:temporal}); {@code end} null means ongoing. Immutable. */
public record TemporalCoverage(LocalDate start, LocalDate end) {}
