package io.trustspace.contract.message;

import java.util.List;

/** {@code ContractNegotiationTerminationMessage}, either way; {@code code} may be null, {@code reason} empty. */
public record ContractNegotiationTerminationMessage(
        String providerPid, String consumerPid, String code, List<String> reason) implements DspMessage {

    public ContractNegotiationTerminationMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
        reason = List.copyOf(reason);
    }

    @Override
    public String type() {
        return "ContractNegotiationTerminationMessage";
    }
}
