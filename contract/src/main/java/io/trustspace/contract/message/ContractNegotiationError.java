package io.trustspace.contract.message;

import java.util.List;

/** {@code ContractNegotiationError}: the body of a 4xx on a negotiation endpoint. Pids are null when unknown. */
public record ContractNegotiationError(String providerPid, String consumerPid, String code, List<String> reason)
        implements DspMessage {

    public ContractNegotiationError {
        reason = List.copyOf(reason);
    }

    @Override
    public String type() {
        return "ContractNegotiationError";
    }
}
