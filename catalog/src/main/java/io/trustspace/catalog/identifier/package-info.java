/**
 * Data identifiers (数据标识): {@link io.trustspace.catalog.identifier.DataIdentifier}, the persistent, versioned
 * name {@code <space prefix>/<participant>/<local id>[@version]} minted when a resource is listed. No I/O.
 */
package io.trustspace.catalog.identifier;
