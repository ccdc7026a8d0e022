package io.trustspace.contract.message;

import java.util.Objects;

/** {@code ContractNegotiationEventMessage}: ACCEPTED (consumer → provider) or FINALIZED (provider → consumer). */
public record ContractNegotiationEventMessage(String providerPid, String consumerPid, EventType eventType)
        implements DspMessage {

    public ContractNegotiationEventMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
        Objects.requireNonNull(eventType, "eventType");
    }

    @Override
    public String type() {
        return "ContractNegotiationEventMessage";
    }
}
