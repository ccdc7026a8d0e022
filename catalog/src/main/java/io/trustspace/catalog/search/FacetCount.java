package io.trustspace.catalog.search;

import java.util.Comparator;
import java.util.Objects;

/** How many visible matching documents carry one facet value. */
public record FacetCount(String value, long count) {

    /** Count descending, then value ascending: the order of every facet list in a {@link SearchPage}. */
    public static final Comparator<FacetCount> BY_COUNT_THEN_VALUE =
            Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);

    public FacetCount {
        Objects.requireNonNull(value, "value");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }
}
