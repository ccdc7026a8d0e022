package io.trustspace.catalog.search;

/**
 * The index could not be read or written: an I/O failure or a corrupt index. The index is a projection of the catalog
 * store, so the remedy is to delete it and rebuild it from the store (ADR 0006).
 */
public final class CatalogIndexException extends RuntimeException {

    public CatalogIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
