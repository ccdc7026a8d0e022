package io.trustspace.contract.message;

/**
 * {@code TransferStartMessage}: provider → consumer (with the pull {@code dataAddress}, or none), or consumer →
 * provider to resume a suspended transfer (never with a data address).
 */
public record TransferStartMessage(String providerPid, String consumerPid, DataAddress dataAddress)
        implements DspMessage {

    public TransferStartMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
    }

    @Override
    public String type() {
        return "TransferStartMessage";
    }
}
