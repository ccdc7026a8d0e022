package io.trustspace.identity.verification;

/**
 * How much a verified identity can be relied on, in increasing order (the eIDAS scale, which the space's
 * credentials reuse). A result that is not {@link VerificationOutcome#VERIFIED} carries {@link #NONE}.
 */
public enum AssuranceLevel {
    /** Nothing was confirmed. */
    NONE,
    /** Well-formed, or confirmed by a non-authoritative source (format checks, a demo registry file). */
    LOW,
    /** Confirmed by an authoritative registry lookup. */
    SUBSTANTIAL,
    /** Confirmed by an authoritative registry and in person or by a reviewer with original documents. */
    HIGH;

    public boolean isAtLeast(AssuranceLevel other) {
        return compareTo(other) >= 0;
    }
}
