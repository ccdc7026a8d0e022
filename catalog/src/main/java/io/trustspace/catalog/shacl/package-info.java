/**
 * SHACL validation of catalog metadata (Apache Jena): the shapes of our vocabulary
 * ({@code io/trustspace/catalog/shacl/trustspace-shapes.ttl}) and {@link io.trustspace.catalog.shacl.ShapeCheck},
 * the {@link io.trustspace.catalog.resource.MetadataCheck} that applies them during admission review. Depends on
 * {@code resource} and on {@code conversion} for the vocabulary ({@link io.trustspace.catalog.conversion.CatalogVocabulary}).
 */
package io.trustspace.catalog.shacl;
