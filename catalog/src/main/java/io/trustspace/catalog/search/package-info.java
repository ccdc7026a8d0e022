/**
 * The operator's catalog search: full-text search over Chinese and English metadata with facet counts, filtered per
 * caller. {@link io.trustspace.catalog.search.CatalogIndex} is the port, a rebuildable projection of the catalog
 * store; {@link io.trustspace.catalog.search.LuceneCatalogIndex} implements it in-process with Lucene and the smartcn
 * analyzer (ADR 0006). Values: {@link io.trustspace.catalog.search.SearchDocument} (what is indexed),
 * {@link io.trustspace.catalog.search.SearchQuery} (validated user input),
 * {@link io.trustspace.catalog.search.SearchPage} with {@link io.trustspace.catalog.search.SearchHit} and
 * {@link io.trustspace.catalog.search.FacetCount} per {@link io.trustspace.catalog.search.Facet}.
 */
package io.trustspace.catalog.search;
