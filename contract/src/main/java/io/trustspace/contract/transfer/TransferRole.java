package io.trustspace.contract.transfer;

/** Which side of a transfer we are on. Our own process id is the providerPid as PROVIDER, the consumerPid as CONSUMER. */
public enum TransferRole {
    PROVIDER,
    CONSUMER
}
