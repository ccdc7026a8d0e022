package io.trustspace.contract.negotiation;

import io.trustspace.contract.message.OutgoingMessage;
import io.trustspace.contract.process.ProcessChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A negotiation after a received message or an action: the next aggregate to save, what happened, the state before,
 * and — for actions — the DSP message to send once the save committed. An {@link #isUnchanged() unchanged} change
 * (a harmless duplicate) carries the stored aggregate as is: save nothing, record nothing, send nothing, answer 2xx.
 */
public record NegotiationChange(
        ContractNegotiation negotiation,
        NegotiationEvent event,
        NegotiationState from,
        String message,
        OutgoingMessage outgoing,
        Instant at)
        implements ProcessChange {

    public NegotiationChange {
        Objects.requireNonNull(negotiation, "negotiation");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        if (event == NegotiationEvent.UNCHANGED && outgoing != null) {
            throw new IllegalArgumentException("an unchanged negotiation sends nothing");
        }
    }

    static NegotiationChange unchanged(ContractNegotiation negotiation, String message, Instant at) {
        return new NegotiationChange(negotiation, NegotiationEvent.UNCHANGED, negotiation.state(), message, null, at);
    }

    public boolean isUnchanged() {
        return event == NegotiationEvent.UNCHANGED;
    }

    /** The message to send after saving, if this change was an action. */
    public Optional<OutgoingMessage> outgoingMessage() {
        return Optional.ofNullable(outgoing);
    }

    @Override
    public String processId() {
        return negotiation.id();
    }

    /** The evidence subjects: the negotiation id, then the agreement id once there is one. */
    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        subjects.add(negotiation.id());
        if (negotiation.agreement() != null) {
            subjects.add(negotiation.agreement().id());
        }
        return subjects;
    }

    @Override
    public String evidenceType() {
        return event.evidenceType();
    }

    /** The RFC 8785 canonical JSON an evidence record of this change alone commits to; see {@link #evidenceJson()}. */
    public byte[] evidencePayload() {
        return ProcessChange.evidencePayload(List.of(this));
    }

    /**
     * What the evidence of this change says, e.g. {@code {"agreement":"urn:…","at":"…",
     * "consumerPid":"…","counterParty":"did:web:…","dataset":"ACN0101","event":"agreed","from":"ACCEPTED",
     * "message":"ContractAgreementMessage","negotiation":"…","providerPid":"…","role":"PROVIDER","state":"AGREED"}}.
     * An agreement's canonical bytes are signed separately; here only its id is committed to.
     */
    @Override
    public ObjectNode evidenceJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("negotiation", negotiation.id());
        json.put("role", negotiation.role().name());
        json.put("event", event.evidenceType().substring("negotiation.".length()));
        json.put("message", message);
        if (negotiation.providerPid() != null) {
            json.put("providerPid", negotiation.providerPid());
        }
        json.put("consumerPid", negotiation.consumerPid());
        json.put("counterParty", negotiation.counterPartyId());
        json.put("dataset", negotiation.datasetId());
        if (from != null) {
            json.put("from", from.name());
        }
        json.put("state", negotiation.state().name());
        if (negotiation.agreement() != null) {
            json.put("agreement", negotiation.agreement().id());
        }
        // The signatures themselves, when this change set or received one: the ledger then holds each party's
        // commitment to the terms, not just the fact that a signature existed.
        if (event == NegotiationEvent.AGREED
                || event == NegotiationEvent.VERIFIED
                || event == NegotiationEvent.SIGNED) {
            if (negotiation.providerSignature() != null) {
                json.put("providerSignature", negotiation.providerSignature());
            }
            if (negotiation.consumerSignature() != null) {
                json.put("consumerSignature", negotiation.consumerSignature());
            }
        }
        if (negotiation.terminationCode() != null) {
            json.put("code", negotiation.terminationCode());
        }
        json.put("at", at.toString());
        return json;
    }
}
