package io.trustspace.contract.negotiation;

import io.trustspace.contract.message.Agreement;
import io.trustspace.contract.message.ContractAgreementMessage;
import io.trustspace.contract.message.ContractAgreementVerificationMessage;
import io.trustspace.contract.message.ContractNegotiationEventMessage;
import io.trustspace.contract.message.ContractNegotiationResponse;
import io.trustspace.contract.message.ContractNegotiationTerminationMessage;
import io.trustspace.contract.message.ContractOfferMessage;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.message.EventType;
import io.trustspace.contract.message.Offer;
import java.time.Instant;
import java.util.List;

/**
 * Negotiations in every state, reached through the aggregate's own legal steps, for both roles. Public so that
 * repository contract tests in other modules can use them.
 */
public final class NegotiationFixtures {

    public static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    public static final String PROVIDER = "did:web:provider.example";
    public static final String CONSUMER = "did:web:consumer.example";
    public static final String PROVIDER_ADDRESS = "https://provider.example/api/dsp/2025-1";
    public static final String CONSUMER_ADDRESS = "https://consumer.example/api/dsp/2025-1/";
    public static final String DATASET = "ACN0101";

    /** The offer a consumer requests with. */
    public static final Offer REQUESTED_OFFER = Offer.permitting("CD123:ACN0101:456", DATASET, PROVIDER, "use");
    /** The offer a provider answers with. */
    public static final Offer PROVIDER_OFFER = Offer.permitting("CD123:ACN0101:457", DATASET, PROVIDER, "use");
    /** The consumer's counter-offer. */
    public static final Offer COUNTER_OFFER = Offer.permitting("CD123:ACN0101:458", DATASET, PROVIDER, "read");

    public static final Agreement AGREEMENT =
            Agreement.of("urn:uuid:agreement-1", PROVIDER_OFFER, DATASET, PROVIDER, CONSUMER, NOW);

    private NegotiationFixtures() {}

    // ---- provider side; providerPid = pid, consumerPid = "consumer-" + pid ----

    public static ContractRequestMessage initialRequest(String consumerPid) {
        return ContractRequestMessage.initial(consumerPid, CONSUMER_ADDRESS, REQUESTED_OFFER);
    }

    public static ContractNegotiation provider(String pid, NegotiationState state) {
        return provider(pid, state, ContractNegotiation.UNLIMITED_COUNTER_OFFERS);
    }

    public static ContractNegotiation provider(String pid, NegotiationState state, int maxCounterOffers) {
        String consumerPid = "consumer-" + pid;
        ContractNegotiation requested = ContractNegotiation.requested(
                        pid, initialRequest(consumerPid), CONSUMER, DATASET, maxCounterOffers, NOW)
                .orElseThrow()
                .negotiation();
        return switch (state) {
            case INITIAL -> throw new IllegalArgumentException("a provider is never INITIAL");
            case REQUESTED -> requested;
            case OFFERED -> requested.offer(PROVIDER_OFFER, NOW).orElseThrow().negotiation();
            case ACCEPTED ->
                provider(pid, NegotiationState.OFFERED, maxCounterOffers)
                        .onAccepted(new ContractNegotiationEventMessage(pid, consumerPid, EventType.ACCEPTED), NOW)
                        .orElseThrow()
                        .negotiation();
            case AGREED -> requested.agree(AGREEMENT, NOW).orElseThrow().negotiation();
            case VERIFIED ->
                provider(pid, NegotiationState.AGREED, maxCounterOffers)
                        .onVerification(new ContractAgreementVerificationMessage(pid, consumerPid), NOW)
                        .orElseThrow()
                        .negotiation();
            case FINALIZED ->
                provider(pid, NegotiationState.VERIFIED, maxCounterOffers)
                        .finalizeAgreement(NOW)
                        .orElseThrow()
                        .negotiation();
            case TERMINATED ->
                requested.terminate("stop", List.of(), NOW).orElseThrow().negotiation();
        };
    }

    /** A provider negotiation back in REQUESTED after the consumer's counter-offer {@link #COUNTER_OFFER}. */
    public static ContractNegotiation providerCountered(String pid, int maxCounterOffers) {
        return provider(pid, NegotiationState.OFFERED, maxCounterOffers)
                .onRequest(ContractRequestMessage.counterOffer("consumer-" + pid, pid, COUNTER_OFFER), NOW)
                .orElseThrow()
                .negotiation();
    }

    // ---- consumer side; consumerPid = pid, providerPid = "provider-" + pid (known from REQUESTED on) ----

    public static ContractNegotiation consumer(String pid, NegotiationState state) {
        String providerPid = "provider-" + pid;
        ContractNegotiation initial = ContractNegotiation.initiate(
                        pid, PROVIDER, PROVIDER_ADDRESS, DATASET, REQUESTED_OFFER, NOW)
                .negotiation();
        return switch (state) {
            case INITIAL -> initial;
            case REQUESTED ->
                initial.request(CONSUMER_ADDRESS, NOW)
                        .orElseThrow()
                        .negotiation()
                        .onRequestReply(new ContractNegotiationResponse(providerPid, pid, "REQUESTED"), NOW)
                        .orElseThrow()
                        .negotiation();
            case OFFERED ->
                consumer(pid, NegotiationState.REQUESTED)
                        .onOffer(new ContractOfferMessage(providerPid, pid, null, PROVIDER_OFFER), NOW)
                        .orElseThrow()
                        .negotiation();
            case ACCEPTED ->
                consumer(pid, NegotiationState.OFFERED)
                        .accept(NOW)
                        .orElseThrow()
                        .negotiation();
            case AGREED ->
                consumer(pid, NegotiationState.REQUESTED)
                        .onAgreement(new ContractAgreementMessage(providerPid, pid, AGREEMENT), NOW)
                        .orElseThrow()
                        .negotiation();
            case VERIFIED ->
                consumer(pid, NegotiationState.AGREED).verify(NOW).orElseThrow().negotiation();
            case FINALIZED ->
                consumer(pid, NegotiationState.VERIFIED)
                        .onFinalized(new ContractNegotiationEventMessage(providerPid, pid, EventType.FINALIZED), NOW)
                        .orElseThrow()
                        .negotiation();
            case TERMINATED ->
                consumer(pid, NegotiationState.REQUESTED)
                        .onTermination(
                                new ContractNegotiationTerminationMessage(providerPid, pid, "stop", List.of()), NOW)
                        .orElseThrow()
                        .negotiation();
        };
    }
}
