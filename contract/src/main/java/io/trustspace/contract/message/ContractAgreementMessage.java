package io.trustspace.contract.message;

import java.util.Objects;

/**
 * {@code ContractAgreementMessage}, provider → consumer: the agreement to verify. {@code providerSignature} (null
 * when the provider sends none, as other connectors do) is the provider's compact JWS over the agreement's RFC 8785
 * form, carried in the extension property {@link DspCodec#AGREEMENT_SIGNATURE}, so the consumer holds it too.
 */
public record ContractAgreementMessage(
        String providerPid, String consumerPid, Agreement agreement, String providerSignature) implements DspMessage {

    public ContractAgreementMessage {
        Pids.require("providerPid", providerPid);
        Pids.require("consumerPid", consumerPid);
        Objects.requireNonNull(agreement, "agreement");
    }

    public ContractAgreementMessage(String providerPid, String consumerPid, Agreement agreement) {
        this(providerPid, consumerPid, agreement, null);
    }

    @Override
    public String type() {
        return "ContractAgreementMessage";
    }
}
