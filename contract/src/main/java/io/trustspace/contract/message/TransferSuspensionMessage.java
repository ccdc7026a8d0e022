package io.trustspace.contract.message;

import java.util.List;

/** {@code TransferSuspensionMessage}, either way; {@code code} may be null, {@code reason} empty. */
public record TransferSuspensionMessage(String providerPid, String consumerPid, String code, List<String> reason)
        implements DspMessage {

    public TransferSuspensionMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
        reason = List.copyOf(reason);
    }

    @Override
    public String type() {
        return "TransferSuspensionMessage";
    }
}
