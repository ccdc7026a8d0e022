package io.trustspace.contract.message;

import java.util.Objects;

/**
 * {@code TransferRequestMessage}, consumer → provider: transfer data under {@code agreementId} in {@code format}
 * (e.g. {@code HttpData-PULL}); {@code dataAddress} is the consumer's sink for push formats, null otherwise.
 */
public record TransferRequestMessage(
        String consumerPid, String agreementId, String format, String callbackAddress, DataAddress dataAddress)
        implements DspMessage {

    public TransferRequestMessage {
        Pids.require("consumerPid", consumerPid);
        Pids.require("agreementId", agreementId);
        Pids.require("format", format);
        Objects.requireNonNull(callbackAddress, "callbackAddress");
    }

    @Override
    public String type() {
        return "TransferRequestMessage";
    }
}
