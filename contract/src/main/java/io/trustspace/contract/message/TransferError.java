package io.trustspace.contract.message;

import java.util.List;

/** {@code TransferError}: the body of a 4xx on a transfer endpoint. Pids are null when unknown. */
public record TransferError(String providerPid, String consumerPid, String code, List<String> reason)
        implements DspMessage {

    public TransferError {
        reason = List.copyOf(reason);
    }

    @Override
    public String type() {
        return "TransferError";
    }
}
