package io.trustspace.identity.participant;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a participant stands in admission. The transition table below is the whole state machine; nothing moves a
 * participant along an edge that is not in it.
 *
 * <pre>
 * PENDING ──verify──▶ UNDER_REVIEW ──approve──▶ APPROVED ──suspend──▶ SUSPENDED
 *                     │    ▲  │                    │  ▲                  │  │
 *                     └────┘  └──reject──▶ REJECTED │  └────reinstate────┘  │
 *                   (re-verify)                     └──revoke──▶ REVOKED ◀──revoke
 * </pre>
 *
 * <p>REJECTED and REVOKED are final. Stored by {@link #name()}.
 */
public enum ParticipantState {
    /** Registered and validated; not yet checked against any registry. */
    PENDING,
    /** Verified by the configured verifiers; waits for a reviewer in the manual review queue. */
    UNDER_REVIEW,
    /** Admitted: may receive a membership credential and take part in the space. */
    APPROVED,
    /** Refused at review (final). */
    REJECTED,
    /** Admission paused (e.g. on a regulator's order); can be reinstated or revoked. */
    SUSPENDED,
    /** Admission withdrawn (final). */
    REVOKED;

    private static final Map<ParticipantState, Set<ParticipantState>> NEXT = table();

    private static Map<ParticipantState, Set<ParticipantState>> table() {
        Map<ParticipantState, Set<ParticipantState>> next = new EnumMap<>(ParticipantState.class);
        next.put(PENDING, EnumSet.of(UNDER_REVIEW));
        // UNDER_REVIEW → UNDER_REVIEW: verification runs again, e.g. after a registry was unavailable.
        next.put(UNDER_REVIEW, EnumSet.of(UNDER_REVIEW, APPROVED, REJECTED));
        next.put(APPROVED, EnumSet.of(SUSPENDED, REVOKED));
        next.put(REJECTED, EnumSet.noneOf(ParticipantState.class));
        next.put(SUSPENDED, EnumSet.of(APPROVED, REVOKED));
        next.put(REVOKED, EnumSet.noneOf(ParticipantState.class));
        next.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
        return Collections.unmodifiableMap(next);
    }

    /** The states this one may move to. */
    public Set<ParticipantState> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(ParticipantState target) {
        return NEXT.get(this).contains(target);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
