package io.trustspace.catalog.search;

import java.util.List;
import java.util.function.Function;

/**
 * A dimension a search can be counted and filtered by. Each document has exactly one value per facet except
 * {@link #FORMAT}, which has one per distribution format (possibly none).
 */
public enum Facet {
    /** The GB/T 4754 industry code, e.g. {@code D4430}. */
    INDUSTRY("industry", document -> List.of(document.industry())),
    /** The data level by {@code ClassificationLevel.name()}: {@code GENERAL}, {@code IMPORTANT}, {@code CORE}. */
    GRADE("grade", document -> List.of(document.grade().name())),
    /** A media type of a distribution, e.g. {@code text/csv}. */
    FORMAT("format", SearchDocument::formats),
    /** The providing participant's id. */
    PROVIDER("provider", document -> List.of(document.provider())),
    /** The ISO 3166-2 region, e.g. {@code CN-31}. */
    REGION("region", document -> List.of(document.region())),
    /** The resource kind by {@code ResourceKind.name()}: {@code DATASET}, {@code DATA_PRODUCT}, {@code DATA_SERVICE}. */
    KIND("kind", document -> List.of(document.kind().name()));

    private final String field;
    private final Function<SearchDocument, List<String>> values;

    Facet(String field, Function<SearchDocument, List<String>> values) {
        this.field = field;
        this.values = values;
    }

    /** The name of the facet in an index and in an API ({@code industry}, {@code grade}, …). */
    public String field() {
        return field;
    }

    /** The facet's values for one document. */
    public List<String> valuesOf(SearchDocument document) {
        return values.apply(document);
    }

    /** Whether a document can carry more than one value of this facet. */
    public boolean multiValued() {
        return this == FORMAT;
    }
}
