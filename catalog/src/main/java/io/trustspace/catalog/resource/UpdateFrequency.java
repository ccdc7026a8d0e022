package io.trustspace.catalog.resource;

/** How often a resource's data changes ({@code dct:accrualPeriodicity}, EU frequency vocabulary). */
public enum UpdateFrequency {
    CONTINUOUS,
    HOURLY,
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    ANNUAL,
    IRREGULAR,
    NEVER
}
