package io.trustspace.contract.message;

import java.util.List;

/** {@code TransferTerminationMessage}, either way; {@code code} may be null, {@code reason} empty. */
public record TransferTerminationMessage(String providerPid, String consumerPid, String code, List<String> reason)
        implements DspMessage {

    public TransferTerminationMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
        reason = List.copyOf(reason);
    }

    @Override
    public String type() {
        return "TransferTerminationMessage";
    }
}
