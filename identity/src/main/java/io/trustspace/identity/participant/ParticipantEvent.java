package io.trustspace.identity.participant;

import io.trustspace.common.json.CanonicalJson;
import io.trustspace.identity.registration.ParticipantKind;
import io.trustspace.identity.verification.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Something that happened to a participant: one per {@link Transition}. The service records each event's
 * {@link #evidence()} in the transaction that stores the change: one record of type {@code participant.<name>}
 * about the participant's id, and for {@link Verified} first one {@code participant.verification} record per
 * verification result, so that every result is evidenced on its own.
 *
 * <p>Every payload is the RFC 8785 canonical JSON of values stored with the participant (a transition, or one
 * verification result and its position in the participant's list), so anyone holding the participant's record can
 * recompute each digest the ledger holds. No payload holds a plain resident ID number. A transition's payload:
 *
 * <pre>{@code
 * {"actor":"reviewer:alice","at":"2026-03-01T08:00:00Z","event":"approved","from":"UNDER_REVIEW",
 *  "participant":"urn:trustspace:participant:…","reason":"documents checked","to":"APPROVED"}
 * }</pre>
 *
 * a verification result's:
 *
 * <pre>{@code
 * {"checkedAt":"2026-03-01T08:00:00Z","details":"…","event":"verification","level":"LOW","method":"FORMAT",
 *  "outcome":"VERIFIED","participant":"urn:trustspace:participant:…","seq":0}
 * }</pre>
 */
public sealed interface ParticipantEvent {

    /** The evidence type of one verification result. */
    String VERIFICATION_EVIDENCE = "participant.verification";

    /** One evidence record to write: its type and payload. */
    record Evidence(String type, byte[] payload) {}

    ParticipantId participantId();

    Transition transition();

    /** The event's name: {@code registered}, {@code verified}, {@code approved}, … */
    String name();

    /** The evidence record type of the transition: {@code participant.<name>}. */
    default String evidenceType() {
        return "participant." + name();
    }

    /** The evidence to record for this event, in order; the transition's own record comes last. */
    default List<Evidence> evidence() {
        List<Evidence> evidence = new ArrayList<>();
        if (this instanceof Verified verified) {
            for (int i = 0; i < verified.results().size(); i++) {
                evidence.add(new Evidence(
                        VERIFICATION_EVIDENCE,
                        verificationPayload(
                                participantId(),
                                verified.firstSeq() + i,
                                verified.results().get(i))));
            }
        }
        evidence.add(new Evidence(evidenceType(), transitionPayload(participantId(), name(), transition())));
        return evidence;
    }

    /** The payload of a transition's evidence. */
    static byte[] transitionPayload(ParticipantId participantId, String name, Transition transition) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("participant", participantId.value());
        json.put("event", name);
        if (transition.from() != null) {
            json.put("from", transition.from().name());
        }
        json.put("to", transition.to().name());
        json.put("actor", transition.actor());
        json.put("reason", transition.reason());
        json.put("at", transition.at().toString());
        return CanonicalJson.canonicalize(json).orElseThrow();
    }

    /** The payload of the evidence of the participant's verification result number {@code seq} (from 0). */
    static byte[] verificationPayload(ParticipantId participantId, int seq, VerificationResult result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("participant", participantId.value());
        json.put("event", "verification");
        json.put("seq", seq);
        json.put("method", result.method().name());
        json.put("outcome", result.outcome().name());
        json.put("level", result.level().name());
        json.put("details", result.details());
        json.put("checkedAt", result.checkedAt().toString());
        return CanonicalJson.canonicalize(json).orElseThrow();
    }

    /** A participant registered (→ PENDING). */
    record Registered(ParticipantId participantId, ParticipantKind kind, Transition transition)
            implements ParticipantEvent {
        public Registered {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String name() {
            return "registered";
        }
    }

    /**
     * The verifiers ran (→ UNDER_REVIEW); {@code results} are the ones this run added, the first of them at position
     * {@code firstSeq} of the participant's verification list.
     */
    record Verified(ParticipantId participantId, int firstSeq, List<VerificationResult> results, Transition transition)
            implements ParticipantEvent {
        public Verified {
            results = List.copyOf(results);
        }

        @Override
        public String name() {
            return "verified";
        }
    }

    /** A reviewer admitted the participant (UNDER_REVIEW → APPROVED). */
    record Approved(ParticipantId participantId, Transition transition) implements ParticipantEvent {
        @Override
        public String name() {
            return "approved";
        }
    }

    /** A reviewer refused the participant (UNDER_REVIEW → REJECTED). */
    record Rejected(ParticipantId participantId, Transition transition) implements ParticipantEvent {
        @Override
        public String name() {
            return "rejected";
        }
    }

    /** Admission paused (APPROVED → SUSPENDED). */
    record Suspended(ParticipantId participantId, Transition transition) implements ParticipantEvent {
        @Override
        public String name() {
            return "suspended";
        }
    }

    /** Admission restored (SUSPENDED → APPROVED). */
    record Reinstated(ParticipantId participantId, Transition transition) implements ParticipantEvent {
        @Override
        public String name() {
            return "reinstated";
        }
    }

    /** Admission withdrawn (APPROVED or SUSPENDED → REVOKED). */
    record Revoked(ParticipantId participantId, Transition transition) implements ParticipantEvent {
        @Override
        public String name() {
            return "revoked";
        }
    }
}
