package io.trustspace.contract.message;

import java.util.Objects;
import java.util.Set;

/**
 * The {@code ContractNegotiation} body (reply to a request, or to {@code GET /negotiations/{pid}}). Named
 * {@code …Response} so it does not clash with the aggregate {@code negotiation.ContractNegotiation}. {@code state}
 * is a bare DSP state name ({@code REQUESTED}, …).
 */
public record ContractNegotiationResponse(String providerPid, String consumerPid, String state) implements DspMessage {

    /** The states DSP 2025-1 defines for a negotiation. */
    public static final Set<String> STATES =
            Set.of("REQUESTED", "OFFERED", "ACCEPTED", "AGREED", "VERIFIED", "FINALIZED", "TERMINATED");

    public ContractNegotiationResponse {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
        Objects.requireNonNull(state, "state");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("not a negotiation state: " + state);
        }
    }

    @Override
    public String type() {
        return "ContractNegotiation";
    }
}
