package io.trustspace.contract.message;

/**
 * {@code ContractAgreementVerificationMessage}, consumer → provider: the consumer verified the agreement.
 * {@code consumerSignature} (null when the consumer sends none) is the consumer's compact JWS over the agreement's
 * RFC 8785 form, in the extension property {@link DspCodec#AGREEMENT_SIGNATURE}, so the provider holds it too.
 */
public record ContractAgreementVerificationMessage(String providerPid, String consumerPid, String consumerSignature)
        implements DspMessage {

    public ContractAgreementVerificationMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
    }

    public ContractAgreementVerificationMessage(String providerPid, String consumerPid) {
        this(providerPid, consumerPid, null);
    }

    @Override
    public String type() {
        return "ContractAgreementVerificationMessage";
    }
}
