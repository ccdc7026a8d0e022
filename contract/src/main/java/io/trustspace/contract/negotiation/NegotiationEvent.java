package io.trustspace.contract.negotiation;

import java.util.Locale;

/**
 * What happened to a negotiation. Each but {@link #UNCHANGED} is recorded as one evidence record of type
 * {@link #evidenceType()}; see {@link NegotiationChange#evidencePayload()}.
 */
public enum NegotiationEvent {
    /** A consumer created a negotiation it has not sent yet (→ INITIAL). */
    INITIATED,
    /** A request: received by a provider (→ REQUESTED, also a counter-offer) or sent by a consumer. */
    REQUESTED,
    OFFERED,
    ACCEPTED,
    AGREED,
    VERIFIED,
    FINALIZED,
    TERMINATED,
    /** A consumer learned the provider's pid (from the reply or from an early message); no state change. */
    PROVIDER_PID_LEARNED,
    /** A signature over the agreement was attached; no state change. */
    SIGNED,
    /** A duplicate (retry) of what already happened: nothing to save, record or send. */
    UNCHANGED;

    /** {@code negotiation.agreed}, {@code negotiation.provider-pid-learned}, … */
    public String evidenceType() {
        return "negotiation." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
