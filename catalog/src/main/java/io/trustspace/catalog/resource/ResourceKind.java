package io.trustspace.catalog.resource;

/** What a catalog resource is, after DCAT 3. Stored by {@link #name()}. */
public enum ResourceKind {
    /** {@code dcat:Dataset}: a collection of data from one provider. */
    DATASET,
    /** A data product (数据产品): an offering built on one or more listed datasets ({@code dcat:Dataset} subclass). */
    DATA_PRODUCT,
    /** {@code dcat:DataService}: an API through which data is served or processed. */
    DATA_SERVICE
}
