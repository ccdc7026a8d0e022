package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.negotiation.NegotiationChange;
import io.trustspace.identity.auth.VerifiedCaller;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What this connector does next in a negotiation, as provider and as consumer. */
public interface NegotiationAutomation {

    /**
     * Whether a new request may open a negotiation here, and the provider's decision on it: {@code refusal} non-null
     * refuses the request outright (unknown dataset or offer: 400); otherwise the negotiation opens and
     * {@code verdict} says what to do with it.
     */
    record Admission(
            String datasetId,
            int maxCounterOffers,
            String refusal,
            Verdict verdict,
            List<String> reasons,
            ConsumerClaims claims) {
        public static Admission refused(String reason) {
            return new Admission(null, 0, reason, Verdict.DENY, List.of(reason), ConsumerClaims.none());
        }
    }

    enum Verdict {
        /** The contract policy holds for this consumer: agree. */
        PERMIT,
        /** It does not: terminate with the failed constraints as reasons. */
        DENY,
        /** A person decides (sensitive resources): wait in REQUESTED. */
        MANUAL
    }

    /** In the request's transaction. */
    Admission admit(ContractRequestMessage request, String sender, Optional<VerifiedCaller> caller);

    /** In the same transaction, once the negotiation exists: keep the verdict for after a restart. */
    void decided(ContractNegotiation negotiation, Admission admission);

    /**
     * In the transaction of a received message that left {@code negotiation} as it is: the actions this side takes
     * at once (agree to a permitted request, finalize a verified agreement, verify a received one …), so a step
     * that waits for nobody costs no transaction and no round through a scheduler. Empty when this side waits (for
     * the other, or for a person), or when steps are spaced out or scripted; {@link #next} then schedules them.
     * {@code admission} is the decision on a request just received, null otherwise.
     */
    List<Function<ContractNegotiation, Result<NegotiationChange>>> immediate(
            ContractNegotiation negotiation, Admission admission);

    /** After a change committed: schedule whatever this side does next (nothing when it waits for the other). */
    void next(ContractNegotiation negotiation);
}
