package io.trustspace.identity.verification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One verifier's answer about one participant, kept with the participant and covered by its evidence.
 * {@code details} is a sentence for the reviewer (what was compared, the registry's reference or status, why it
 * failed); it never holds a resident ID number. {@code level} is {@link AssuranceLevel#NONE} unless the outcome is
 * {@link VerificationOutcome#VERIFIED}. {@code checkedAt} is kept to the millisecond, as it is stored.
 *
 * <p>Immutable and thread-safe.
 */
public record VerificationResult(
        VerificationMethod method,
        VerificationOutcome outcome,
        AssuranceLevel level,
        String details,
        Instant checkedAt) {

    public static final int MAX_DETAILS = 1000;

    public VerificationResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (outcome != VerificationOutcome.VERIFIED && level != AssuranceLevel.NONE) {
            throw new IllegalArgumentException("a " + outcome + " result carries assurance NONE, not " + level);
        }
        if (outcome == VerificationOutcome.VERIFIED && level == AssuranceLevel.NONE) {
            throw new IllegalArgumentException("a VERIFIED result states its assurance level");
        }
        // Details often quote a remote answer: bound them so a registry cannot bloat the participant's record.
        if (details.length() > MAX_DETAILS) {
            int end = MAX_DETAILS - 1;
            if (Character.isHighSurrogate(details.charAt(end - 1))) {
                end--;
            }
            details = details.substring(0, end) + "…";
        }
        checkedAt = checkedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static VerificationResult verified(
            VerificationMethod method, AssuranceLevel level, String details, Instant checkedAt) {
        return new VerificationResult(method, VerificationOutcome.VERIFIED, level, details, checkedAt);
    }

    public static VerificationResult mismatch(VerificationMethod method, String details, Instant checkedAt) {
        return new VerificationResult(method, VerificationOutcome.MISMATCH, AssuranceLevel.NONE, details, checkedAt);
    }

    public static VerificationResult notFound(VerificationMethod method, String details, Instant checkedAt) {
        return new VerificationResult(method, VerificationOutcome.NOT_FOUND, AssuranceLevel.NONE, details, checkedAt);
    }

    public static VerificationResult unavailable(VerificationMethod method, String details, Instant checkedAt) {
        return new VerificationResult(method, VerificationOutcome.UNAVAILABLE, AssuranceLevel.NONE, details, checkedAt);
    }

    public boolean isVerified() {
        return outcome == VerificationOutcome.VERIFIED;
    }
}
