package io.trustspace.contract.message;

/** The {@code eventType} of a {@link ContractNegotiationEventMessage}. */
public enum EventType {
    /** Sent by the consumer: it accepts the provider's last offer (OFFERED → ACCEPTED). */
    ACCEPTED,
    /** Sent by the provider: the agreement is final (VERIFIED → FINALIZED). */
    FINALIZED
}
