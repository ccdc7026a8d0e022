package io.trustspace.identity.participant;

import java.util.Objects;

/** The participant after a transition, and the event that records it. Immutable. */
public record ParticipantChange(Participant participant, ParticipantEvent event) {

    public ParticipantChange {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(event, "event");
    }
}
