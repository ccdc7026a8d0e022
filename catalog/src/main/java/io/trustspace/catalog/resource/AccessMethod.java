package io.trustspace.catalog.resource;

/** How a consumer gets at a distribution's data. Stored by {@link #name()}. */
public enum AccessMethod {
    /** A file transfer of a copy (dcat:downloadURL, behind the connector). */
    DOWNLOAD,
    /** Queries to an API (dcat:accessService). */
    API,
    /** A continuous feed (e.g. Kafka, MQTT). */
    STREAM,
    /** 隐私计算, "usable but not visible": computation goes to the data, only results leave. */
    PRIVACY_COMPUTING,
    /** A supervised sandbox (数据沙箱) in which the consumer works on the data without taking it out. */
    SANDBOX
}
