package io.trustspace.contract.message;

import java.util.Objects;
import java.util.Set;

/**
 * The {@code TransferProcess} body (reply to a request, or to {@code GET /transfers/{pid}}). Named {@code …Response}
 * so it does not clash with the aggregate {@code transfer.TransferProcess}. {@code state} is a bare DSP state name.
 */
public record TransferProcessResponse(String providerPid, String consumerPid, String state) implements DspMessage {

    /** The states DSP 2025-1 defines for a transfer process. */
    public static final Set<String> STATES = Set.of("REQUESTED", "STARTED", "SUSPENDED", "COMPLETED", "TERMINATED");

    public TransferProcessResponse {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
        Objects.requireNonNull(state, "state");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("not a transfer state: " + state);
        }
    }

    @Override
    public String type() {
        return "TransferProcess";
    }
}
