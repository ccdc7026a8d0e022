package io.trustspace.catalog.search;

import java.util.Collection;
import java.util.Set;

/**
 * The full-text and facet index of the listed catalog: a projection of the catalog store that can always be rebuilt
 * from it (on start, or when it is found corrupt), one per operator replica.
 *
 * <p><b>Visibility per caller.</b> A document is visible to a caller only if its {@link SearchDocument#policyKey()}
 * is among the caller's visible keys. The caller's service evaluates each distinct access policy once for that caller
 * and passes the set of keys it permits; the index filters on that set before counting, so hits, {@code total} and
 * every facet count only ever cover visible documents. An empty set gives an empty page with no facet counts.
 *
 * <p><b>Consistency.</b> A search that starts after {@link #upsert} or {@link #remove} returned sees their effect;
 * a search running concurrently sees the index either before or after a whole call.
 *
 * <p>Implementations are thread-safe. Failures to read or write the index throw {@link CatalogIndexException}.
 */
public interface CatalogIndex extends AutoCloseable {

    /**
     * Adds the documents, replacing any indexed document with the same id (idempotent; within one call the last
     * document with an id wins).
     */
    void upsert(Collection<SearchDocument> documents);

    /** Removes the documents with these ids; unknown ids are ignored (idempotent). */
    void remove(Collection<String> ids);

    /**
     * One page of the documents that match {@code query} and are visible through {@code visiblePolicyKeys}, with
     * facet counts over all of them (not just the page).
     */
    SearchPage search(SearchQuery query, Set<String> visiblePolicyKeys);

    /** The number of indexed documents, visible or not. */
    long size();

    /** Releases the index; a persistent index keeps what was written. */
    @Override
    void close();
}
