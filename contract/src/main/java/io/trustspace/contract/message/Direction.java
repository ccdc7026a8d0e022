package io.trustspace.contract.message;

/** Whether a negotiation or transfer transition was caused by a message we received, one we sent, or a local step (creation). */
public enum Direction {
    RECEIVED,
    SENT,
    LOCAL
}
