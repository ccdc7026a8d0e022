package io.trustspace.identity.participant;

import java.util.Optional;

/**
 * A reviewer's decision as it arrives: who decides, why, and optionally the participant version the reviewer saw
 * (so that a decision taken on stale information is refused as a conflict instead of applied). Checked by the
 * {@link Participant} transition, which answers INVALID for a blank or oversized reviewer or reason.
 */
public record ReviewDecision(String reviewer, String reason, Long expectedVersion) {

    public static final int MAX_REVIEWER = 200;
    public static final int MAX_REASON = 2000;

    /** A decision that applies to whatever version is current. */
    public ReviewDecision(String reviewer, String reason) {
        this(reviewer, reason, null);
    }

    /** Why this decision cannot be recorded, or empty if it can. */
    Optional<String> problem() {
        if (reviewer == null || reviewer.isBlank()) {
            return Optional.of("name the reviewer");
        }
        if (reviewer.length() > MAX_REVIEWER || reviewer.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("the reviewer is at most " + MAX_REVIEWER + " characters without control characters");
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of("give the reason for the decision");
        }
        if (reason.length() > MAX_REASON) {
            return Optional.of("the reason is at most " + MAX_REASON + " characters");
        }
        return Optional.empty();
    }
}
