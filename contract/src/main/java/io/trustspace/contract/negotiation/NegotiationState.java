package io.trustspace.contract.negotiation;

/**
 * The DSP 2025-1 contract negotiation states, plus {@link #INITIAL} for a consumer negotiation whose request has not
 * been sent. FINALIZED and TERMINATED are final: nothing leaves them.
 */
public enum NegotiationState {
    INITIAL,
    REQUESTED,
    OFFERED,
    ACCEPTED,
    AGREED,
    VERIFIED,
    FINALIZED,
    TERMINATED;

    public boolean isFinal() {
        return this == FINALIZED || this == TERMINATED;
    }

    /**
     * The state name a DSP {@code ContractNegotiation} body carries. INITIAL is not a DSP state; a consumer that has
     * created but not yet sent its request reports REQUESTED, the state it is about to be in.
     */
    public String dspName() {
        return this == INITIAL ? REQUESTED.name() : name();
    }
}
