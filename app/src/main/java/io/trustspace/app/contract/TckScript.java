package io.trustspace.app.contract;

import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.negotiation.NegotiationRole;
import io.trustspace.contract.negotiation.NegotiationState;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scripted behaviour the Eclipse DSP TCK expects of a connector under test (its README §5), keyed by dataset
 * id (negotiations) or agreement id (transfers) and by the state just reached. Used only with
 * {@code trustspace.dsp.tck-seed}; everywhere else {@link ContractAutomation}'s policy-driven defaults decide.
 */
public final class TckScript {

    /** One thing to do; several run in order with the step delay between them. */
    public enum Step {
        OFFER,
        AGREE,
        FINALIZE,
        ACCEPT,
        VERIFY,
        COUNTER_OFFER,
        TERMINATE,
        START,
        SUSPEND,
        COMPLETE,
        /** Deliver a started push transfer to its destination (not a TCK step; the defaults use it). */
        PUSH
    }

    /** The state reached, with "after a counter-offer" and "after our own request was answered" told apart. */
    enum Trigger {
        REQUESTED,
        COUNTER_OFFERED,
        REQUEST_ACKNOWLEDGED,
        OFFERED,
        ACCEPTED,
        AGREED,
        VERIFIED,
        STARTED
    }

    private final Map<String, Map<Trigger, List<Step>>> negotiations = new HashMap<>();
    private final Map<String, Map<Trigger, List<Step>>> transfers = new HashMap<>();

    public TckScript() {
        // Provider (CN): the TCK's consumer requests dataset X.
        provider("ACN0101", Trigger.REQUESTED, Step.OFFER);
        provider("ACN0102", Trigger.REQUESTED, Step.OFFER);
        provider("ACN0102", Trigger.COUNTER_OFFERED, Step.TERMINATE);
        provider("ACN0103", Trigger.REQUESTED, Step.OFFER);
        provider("ACN0103", Trigger.ACCEPTED, Step.AGREE);
        provider("ACN0103", Trigger.VERIFIED, Step.FINALIZE);
        provider("ACN0104", Trigger.REQUESTED, Step.AGREE);
        provider("ACN0104", Trigger.VERIFIED, Step.FINALIZE);
        provider("ACN0201", Trigger.REQUESTED, Step.TERMINATE);
        provider("ACN0203", Trigger.REQUESTED, Step.AGREE);
        provider("ACN0204", Trigger.REQUESTED, Step.OFFER);
        provider("ACN0205", Trigger.REQUESTED, Step.OFFER, Step.TERMINATE);
        provider("ACN0206", Trigger.REQUESTED, Step.OFFER);
        provider("ACN0206", Trigger.ACCEPTED, Step.TERMINATE);
        provider("ACN0207", Trigger.REQUESTED, Step.AGREE);
        provider("ACN0207", Trigger.VERIFIED, Step.TERMINATE);
        provider("ACN0301", Trigger.REQUESTED, Step.AGREE);
        provider("ACN0301", Trigger.VERIFIED, Step.FINALIZE);
        provider("ACN0302", Trigger.REQUESTED, Step.OFFER);
        provider("ACN0303", Trigger.REQUESTED, Step.OFFER);
        provider("ACN0304", Trigger.REQUESTED, Step.OFFER);
        // Consumer (CN_C): the TCK's provider offers or agrees on dataset X.
        consumer("ACNC0101", Trigger.OFFERED, Step.ACCEPT);
        consumer("ACNC0101", Trigger.AGREED, Step.VERIFY);
        consumer("ACNC0102", Trigger.OFFERED, Step.COUNTER_OFFER);
        consumer("ACNC0103", Trigger.OFFERED, Step.TERMINATE);
        consumer("ACNC0104", Trigger.AGREED, Step.VERIFY);
        consumer("ACNC0202", Trigger.REQUEST_ACKNOWLEDGED, Step.TERMINATE);
        consumer("ACNC0203", Trigger.AGREED, Step.TERMINATE);
        consumer("ACNC0205", Trigger.OFFERED, Step.ACCEPT);
        consumer("ACNC0206", Trigger.AGREED, Step.VERIFY);
        consumer("ACNC0304", Trigger.OFFERED, Step.ACCEPT);
        consumer("ACNC0305", Trigger.OFFERED, Step.ACCEPT);
        consumer("ACNC0306", Trigger.OFFERED, Step.ACCEPT);
        // Provider (TP): the TCK's consumer requests a transfer under agreement X.
        transfer("ATP0101", Trigger.REQUESTED, Step.START, Step.TERMINATE);
        transfer("ATP0102", Trigger.REQUESTED, Step.START, Step.COMPLETE);
        transfer("ATP0103", Trigger.REQUESTED, Step.START, Step.SUSPEND, Step.TERMINATE);
        transfer("ATP0104", Trigger.REQUESTED, Step.START, Step.SUSPEND, Step.START, Step.COMPLETE);
        transfer("ATP0105", Trigger.REQUESTED, Step.TERMINATE);
        for (String id :
                List.of("ATP0201", "ATP0202", "ATP0203", "ATP0204", "ATP0303", "ATP0304", "ATP0305", "ATP0306")) {
            transfer(id, Trigger.REQUESTED, Step.START);
        }
        // Consumer (TP_C): the TCK's provider starts, suspends, completes or terminates.
        transfer("ATPC0201", Trigger.STARTED, Step.TERMINATE);
        transfer("ATPC0202", Trigger.STARTED, Step.COMPLETE);
        transfer("ATPC0203", Trigger.STARTED, Step.SUSPEND, Step.TERMINATE);
        transfer("ATPC0205", Trigger.REQUEST_ACKNOWLEDGED, Step.TERMINATE);
    }

    /** The steps for a negotiation that just reached its state; empty: do nothing (the TCK acts next). */
    public List<Step> steps(ContractNegotiation n) {
        Map<Trigger, List<Step>> script = negotiations.get(n.datasetId());
        if (script == null) {
            return List.of();
        }
        Optional<Trigger> trigger = trigger(n);
        return trigger.map(t -> script.getOrDefault(t, List.of())).orElse(List.of());
    }

    public List<Step> steps(TransferProcess t) {
        Map<Trigger, List<Step>> script = transfers.get(t.agreementId());
        if (script == null) {
            return List.of();
        }
        Trigger trigger = switch (t.state()) {
            case REQUESTED -> t.role() == TransferRole.PROVIDER ? Trigger.REQUESTED : Trigger.REQUEST_ACKNOWLEDGED;
            case STARTED -> Trigger.STARTED;
            default -> null;
        };
        return trigger == null ? List.of() : script.getOrDefault(trigger, List.of());
    }

    /** Whether {@code datasetId} is one of the TCK's: its provider refuses a second counter-offer (CN:03-04). */
    public int maxCounterOffers(String datasetId) {
        return "ACN0304".equals(datasetId) ? 1 : ContractNegotiation.UNLIMITED_COUNTER_OFFERS;
    }

    private static Optional<Trigger> trigger(ContractNegotiation n) {
        boolean provider = n.role() == NegotiationRole.PROVIDER;
        NegotiationState state = n.state();
        if (state == NegotiationState.REQUESTED) {
            if (provider) {
                return Optional.of(n.counterOffers() > 0 ? Trigger.COUNTER_OFFERED : Trigger.REQUESTED);
            }
            return n.providerPid() == null ? Optional.empty() : Optional.of(Trigger.REQUEST_ACKNOWLEDGED);
        }
        return switch (state) {
            case OFFERED -> Optional.of(Trigger.OFFERED);
            case ACCEPTED -> Optional.of(Trigger.ACCEPTED);
            case AGREED -> Optional.of(Trigger.AGREED);
            case VERIFIED -> Optional.of(Trigger.VERIFIED);
            default -> Optional.empty();
        };
    }

    private void provider(String dataset, Trigger trigger, Step... steps) {
        negotiations.computeIfAbsent(dataset, d -> new HashMap<>()).put(trigger, List.of(steps));
    }

    private void consumer(String dataset, Trigger trigger, Step... steps) {
        negotiations.computeIfAbsent(dataset, d -> new HashMap<>()).put(trigger, List.of(steps));
    }

    private void transfer(String agreement, Trigger trigger, Step... steps) {
        transfers.computeIfAbsent(agreement, a -> new HashMap<>()).put(trigger, List.of(steps));
    }
}
