package io.trustspace.contract.transfer;

import io.trustspace.contract.message.OutgoingMessage;
import io.trustspace.contract.process.ProcessChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transfer after a received message or an action: the next aggregate to save, what happened, the state before,
 * and — for actions — the DSP message to send after the save committed. An {@link #isUnchanged() unchanged} change
 * is a harmless duplicate: save nothing, record nothing, send nothing, answer 2xx.
 */
public record TransferChange(
        TransferProcess transfer,
        TransferEvent event,
        TransferState from,
        String message,
        OutgoingMessage outgoing,
        Instant at)
        implements ProcessChange {

    public TransferChange {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        if (event == TransferEvent.UNCHANGED && outgoing != null) {
            throw new IllegalArgumentException("an unchanged transfer sends nothing");
        }
    }

    static TransferChange unchanged(TransferProcess transfer, String message, Instant at) {
        return new TransferChange(transfer, TransferEvent.UNCHANGED, transfer.state(), message, null, at);
    }

    public boolean isUnchanged() {
        return event == TransferEvent.UNCHANGED;
    }

    public Optional<OutgoingMessage> outgoingMessage() {
        return Optional.ofNullable(outgoing);
    }

    @Override
    public String processId() {
        return transfer.id();
    }

    /** The evidence subjects: the transfer id and the agreement id. */
    @Override
    public List<String> subjects() {
        return List.of(transfer.id(), transfer.agreementId());
    }

    @Override
    public String evidenceType() {
        return event.evidenceType();
    }

    /** The RFC 8785 canonical JSON an evidence record of this change alone commits to. */
    public byte[] evidencePayload() {
        return ProcessChange.evidencePayload(List.of(this));
    }

    /** What the evidence of this change says. It never holds the data address. */
    @Override
    public ObjectNode evidenceJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("transfer", transfer.id());
        json.put("role", transfer.role().name());
        json.put("event", event.evidenceType().substring("transfer.".length()));
        json.put("message", message);
        if (transfer.providerPid() != null) {
            json.put("providerPid", transfer.providerPid());
        }
        json.put("consumerPid", transfer.consumerPid());
        json.put("agreement", transfer.agreementId());
        json.put("format", transfer.format());
        json.put("counterParty", transfer.counterPartyId());
        if (from != null) {
            json.put("from", from.name());
        }
        json.put("state", transfer.state().name());
        if (transfer.terminationCode() != null) {
            json.put("code", transfer.terminationCode());
        }
        json.put("at", at.toString());
        return json;
    }
}
