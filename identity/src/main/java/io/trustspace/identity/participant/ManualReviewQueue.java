package io.trustspace.identity.participant;

import java.util.List;
import java.util.Objects;

/**
 * The manual review step of verification: participants wait here in {@link ParticipantState#UNDER_REVIEW} until
 * a reviewer approves or rejects them through {@link ParticipantService}. Every participant passes through it,
 * whatever the automatic verifiers found: their results are shown to the reviewer, they do not decide.
 *
 * <p>The queue is the set of participants in UNDER_REVIEW, oldest first, read from the repository: there is no
 * second copy to drift from the participants' states, and it survives restarts with them. Thread-safe.
 */
public final class ManualReviewQueue {

    /** Most participants one call returns. */
    public static final int MAX_PAGE = 500;

    private final ParticipantRepository repository;

    public ManualReviewQueue(ParticipantRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Up to {@code limit} (at most {@value #MAX_PAGE}) waiting participants, longest-waiting first. */
    public List<Participant> waiting(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        return repository.findByState(ParticipantState.UNDER_REVIEW, limit);
    }

    /** How many participants wait for a reviewer. */
    public long size() {
        return repository.countByState(ParticipantState.UNDER_REVIEW);
    }
}
