package io.trustspace.contract.message;

import java.util.Objects;

/**
 * {@code ContractOfferMessage}, provider → consumer. On an existing negotiation it names the {@code consumerPid}
 * (the TCK needs it, and then no {@code callbackAddress}); an offer that starts a negotiation has a
 * {@code callbackAddress} instead.
 */
public record ContractOfferMessage(String providerPid, String consumerPid, String callbackAddress, Offer offer)
        implements DspMessage {

    public ContractOfferMessage {
        Pids.require("providerPid", providerPid);
        Pids.optional("consumerPid", consumerPid);
        Objects.requireNonNull(offer, "offer");
        if (consumerPid == null && callbackAddress == null) {
            throw new IllegalArgumentException("a ContractOfferMessage has a consumerPid or a callbackAddress");
        }
    }

    @Override
    public String type() {
        return "ContractOfferMessage";
    }
}
