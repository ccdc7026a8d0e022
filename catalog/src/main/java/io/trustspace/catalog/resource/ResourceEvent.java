package io.trustspace.catalog.resource;

import java.util.Locale;

/**
 * What happened to a resource. Each is recorded as one evidence record of type {@link #evidenceType()} about the
 * resource id (and, once minted, its data identifier); see {@link ResourceChange#evidencePayload()}.
 */
public enum ResourceEvent {
    /** A provider created a draft (→ DRAFT). */
    DRAFTED,
    /** A provider changed a draft's metadata or data address (DRAFT, no transition). */
    UPDATED,
    /** A submission failed the automatic checks; the resource stays DRAFT with the findings (no transition). */
    CHECKS_FAILED,
    /** A submission passed the automatic checks (DRAFT → SUBMITTED). */
    SUBMITTED,
    /** A reviewer admitted the resource and its identifier was minted (SUBMITTED → LISTED). */
    LISTED,
    /** A reviewer refused the resource (SUBMITTED → REJECTED). */
    REJECTED,
    /** The provider took a rejected resource back to work on it (REJECTED → DRAFT). */
    REOPENED,
    /** The resource was withdrawn from the catalog (LISTED → DELISTED). */
    DELISTED;

    /** {@code resource.drafted}, {@code resource.checks-failed}, … */
    public String evidenceType() {
        return "resource." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
