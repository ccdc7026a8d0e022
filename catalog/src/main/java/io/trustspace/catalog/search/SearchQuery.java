package io.trustspace.catalog.search;

import io.trustspace.common.Result;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A catalog search as a caller asks it: free text, facet filters and a page.
 *
 * <p>The text is user input and is never parsed as query syntax: it is segmented with the index's analyzers and every
 * resulting term must match in some field. A blank text matches every visible document. Filters: within one facet
 * the values are alternatives (OR), across facets all must hold (AND); a facet with an empty set of values does not
 * filter.
 *
 * <p>Validation has one set of rules: {@link #of} returns them as an {@code INVALID} result (use it on user input);
 * the constructor throws {@link IllegalArgumentException} with the same message.
 *
 * @param text the free text, stripped; at most {@link #MAX_TEXT_LENGTH} characters
 * @param filters values per facet, at most {@link #MAX_FILTER_VALUES} per facet
 * @param page the page, 0-based
 * @param size results per page, 1 to {@link #MAX_SIZE}
 */
public record SearchQuery(String text, Map<Facet, Set<String>> filters, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_FILTER_VALUES = 100;
    /** Results beyond this rank are not paged to (deep paging costs the index; a caller narrows the query instead). */
    public static final int MAX_WINDOW = 10_000;

    public SearchQuery {
        String problem = problem(text, filters, page, size);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        text = text == null ? "" : text.strip();
        EnumMap<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
        if (filters != null) {
            filters.forEach((facet, values) -> {
                if (!values.isEmpty()) {
                    copy.put(facet, Set.copyOf(values));
                }
            });
        }
        filters = Collections.unmodifiableMap(copy);
    }

    /** The query, or {@code INVALID} with the reason. {@code text} and {@code filters} may be null (none). */
    public static Result<SearchQuery> of(String text, Map<Facet, Set<String>> filters, int page, int size) {
        String problem = problem(text, filters, page, size);
        return problem == null ? Result.ok(new SearchQuery(text, filters, page, size)) : Result.invalid(problem);
    }

    /** The first page of {@link #DEFAULT_SIZE} results for {@code text}, without filters. */
    public static SearchQuery text(String text) {
        return new SearchQuery(text, Map.of(), 0, DEFAULT_SIZE);
    }

    /** Every visible document, first page. */
    public static SearchQuery all() {
        return text("");
    }

    /** This query with {@code facet} restricted to any of {@code values} (replacing an earlier filter on it). */
    public SearchQuery filteredBy(Facet facet, String... values) {
        EnumMap<Facet, Set<String>> next = new EnumMap<>(Facet.class);
        next.putAll(filters);
        next.put(Objects.requireNonNull(facet, "facet"), Set.copyOf(Arrays.asList(values)));
        return new SearchQuery(text, next, page, size);
    }

    /** This query at another page and size. */
    public SearchQuery atPage(int page, int size) {
        return new SearchQuery(text, filters, page, size);
    }

    /** Whether the text is blank, so the query matches every visible document that passes the filters. */
    public boolean isBlank() {
        return text.isEmpty();
    }

    private static String problem(String text, Map<Facet, Set<String>> filters, int page, int size) {
        if (text != null && text.strip().codePointCount(0, text.strip().length()) > MAX_TEXT_LENGTH) {
            return "text must be at most " + MAX_TEXT_LENGTH + " characters";
        }
        if (page < 0) {
            return "page must be 0 or more, not " + page;
        }
        if (size < 1 || size > MAX_SIZE) {
            return "size must be between 1 and " + MAX_SIZE + ", not " + size;
        }
        if ((long) page * size + size > MAX_WINDOW) {
            return "page " + page + " of size " + size + " reaches beyond the first " + MAX_WINDOW
                    + " results; narrow the query";
        }
        if (filters != null) {
            for (Map.Entry<Facet, Set<String>> filter : filters.entrySet()) {
                if (filter.getKey() == null || filter.getValue() == null) {
                    return "a filter needs a facet and a set of values";
                }
                if (filter.getValue().size() > MAX_FILTER_VALUES) {
                    return "at most " + MAX_FILTER_VALUES + " values per facet filter ("
                            + filter.getKey().field() + ")";
                }
                for (String value : filter.getValue()) {
                    if (value == null || value.isBlank()) {
                        return "filter values must not be blank ("
                                + filter.getKey().field() + ")";
                    }
                }
            }
        }
        return null;
    }
}
