package io.trustspace.contract.message;

/** {@code ContractAgreementVerificationMessage}, consumer → provider: the consumer verified the agreement. */
public record ContractAgreementVerificationMessage(String providerPid, String consumerPid) implements DspMessage {

    public ContractAgreementVerificationMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
    }

    @Override
    public String type() {
        return "ContractAgreementVerificationMessage";
    }
}
