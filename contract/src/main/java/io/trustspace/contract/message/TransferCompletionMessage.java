package io.trustspace.contract.message;

/** {@code TransferCompletionMessage}, either way. */
public record TransferCompletionMessage(String providerPid, String consumerPid) implements DspMessage {

    public TransferCompletionMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
    }

    @Override
    public String type() {
        return "TransferCompletionMessage";
    }
}
