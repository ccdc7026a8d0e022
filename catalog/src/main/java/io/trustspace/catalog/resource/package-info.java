/**
 * Catalog resources and their publication: the {@link io.trustspace.catalog.resource.Resource} aggregate with its
 * DCAT 3 {@link io.trustspace.catalog.resource.ResourceMetadata} and, kept apart, its
 * {@link io.trustspace.catalog.resource.DataAddress}; admission review
 * ({@link io.trustspace.catalog.resource.AdmissionChecks}, then an operator); the state machine
 * {@link io.trustspace.catalog.resource.ResourceState}; the use cases
 * {@link io.trustspace.catalog.resource.ResourceService}; the port
 * {@link io.trustspace.catalog.resource.ResourceRepository}; and the public projections
 * {@link io.trustspace.catalog.resource.CatalogView} and {@link io.trustspace.catalog.resource.Resolution}.
 */
package io.trustspace.catalog.resource;
