package io.trustspace.contract.message;

import java.util.Objects;

/** {@code ContractAgreementMessage}, provider → consumer: the agreement to verify. */
public record ContractAgreementMessage(String providerPid, String consumerPid, Agreement agreement)
        implements DspMessage {

    public ContractAgreementMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
        Objects.requireNonNull(agreement, "agreement");
    }

    @Override
    public String type() {
        return "ContractAgreementMessage";
    }
}
