package io.trustspace.contract.message;

import java.util.Objects;

/**
 * {@code ContractRequestMessage}, consumer → provider. Initial request: {@code callbackAddress} set, {@code
 * providerPid} null. Counter-offer: {@code providerPid} set (a {@code callbackAddress} alongside is tolerated when
 * read, but never written).
 */
public record ContractRequestMessage(String consumerPid, String providerPid, String callbackAddress, Offer offer)
        implements DspMessage {

    public ContractRequestMessage {
        Pids.require("consumerPid", consumerPid);
        Pids.optional("providerPid", providerPid);
        Objects.requireNonNull(offer, "offer");
        if (providerPid == null && callbackAddress == null) {
            throw new IllegalArgumentException("a ContractRequestMessage has a providerPid or a callbackAddress");
        }
    }

    public static ContractRequestMessage initial(String consumerPid, String callbackAddress, Offer offer) {
        return new ContractRequestMessage(consumerPid, null, Objects.requireNonNull(callbackAddress), offer);
    }

    public static ContractRequestMessage counterOffer(String consumerPid, String providerPid, Offer offer) {
        return new ContractRequestMessage(consumerPid, Objects.requireNonNull(providerPid), null, offer);
    }

    /** True for a counter-offer on an existing negotiation (it names the provider's pid). */
    public boolean isCounterOffer() {
        return providerPid != null;
    }

    @Override
    public String type() {
        return "ContractRequestMessage";
    }
}
