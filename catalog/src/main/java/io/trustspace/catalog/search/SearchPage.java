package io.trustspace.catalog.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of results for one caller.
 *
 * @param total the number of visible documents matching the query and its filters (all pages)
 * @param hits at most {@code size} hits of page {@code page}, best first
 * @param facets for every {@link Facet}, the counts of its values over the same visible matching documents, sorted by
 *     {@link FacetCount#BY_COUNT_THEN_VALUE}; at most {@link #MAX_FACET_VALUES} values per facet, values with a zero
 *     count left out
 * @param page the page, 0-based
 * @param size the page size asked for
 */
public record SearchPage(long total, List<SearchHit> hits, Map<Facet, List<FacetCount>> facets, int page, int size) {

    /** The most values listed per facet (the 500 providers of a space are not all worth a row). */
    public static final int MAX_FACET_VALUES = 50;

    public SearchPage {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
        hits = List.copyOf(hits);
        EnumMap<Facet, List<FacetCount>> copy = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            copy.put(facet, List.copyOf(Objects.requireNonNull(facets, "facets").getOrDefault(facet, List.of())));
        }
        facets = Collections.unmodifiableMap(copy);
    }

    /** A page without hits or counts: what a caller who may see nothing gets. */
    public static SearchPage empty(SearchQuery query) {
        return new SearchPage(0, List.of(), Map.of(), query.page(), query.size());
    }

    /** The counts of one facet (an empty list if nothing matched). */
    public List<FacetCount> facet(Facet facet) {
        return facets.get(facet);
    }
}
