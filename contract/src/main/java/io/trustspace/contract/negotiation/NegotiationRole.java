package io.trustspace.contract.negotiation;

/** Which side of a negotiation we are on. Our own process id is the providerPid as PROVIDER, the consumerPid as CONSUMER. */
public enum NegotiationRole {
    PROVIDER,
    CONSUMER
}
