package io.trustspace.catalog.search;

import java.util.Objects;

/**
 * One result: the document's id, its relevance score (0 for a blank query, which is ordered by modification time)
 * and the document as indexed, so a result page needs no second lookup.
 */
public record SearchHit(String id, float score, SearchDocument document) {

    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
    }
}
