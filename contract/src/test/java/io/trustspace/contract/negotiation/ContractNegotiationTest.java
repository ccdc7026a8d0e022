package io.trustspace.contract.negotiation;

import static io.trustspace.contract.negotiation.NegotiationFixtures.AGREEMENT;
import static io.trustspace.contract.negotiation.NegotiationFixtures.CONSUMER;
import static io.trustspace.contract.negotiation.NegotiationFixtures.COUNTER_OFFER;
import static io.trustspace.contract.negotiation.NegotiationFixtures.NOW;
import static io.trustspace.contract.negotiation.NegotiationFixtures.PROVIDER;
import static io.trustspace.contract.negotiation.NegotiationFixtures.PROVIDER_OFFER;
import static io.trustspace.contract.negotiation.NegotiationFixtures.REQUESTED_OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.contract.message.Agreement;
import io.trustspace.contract.message.ContractAgreementMessage;
import io.trustspace.contract.message.ContractAgreementVerificationMessage;
import io.trustspace.contract.message.ContractNegotiationEventMessage;
import io.trustspace.contract.message.ContractNegotiationResponse;
import io.trustspace.contract.message.ContractNegotiationTerminationMessage;
import io.trustspace.contract.message.ContractOfferMessage;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.EventType;
import io.trustspace.contract.message.Offer;
import io.trustspace.contract.message.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractNegotiationTest {

    private static Result.Kind kind(Result<?> result) {
        assertThat(result.isOk()).as("expected a failure: %s", result).isFalse();
        return ((Result.Failure<?>) result).kind();
    }

    private static String reason(Result<?> result) {
        return ((Result.Failure<?>) result).reason();
    }

    // ---- out of order (consumer) ----

    @Test
    void agreementBeforeTheRequestReply_isAccepted_andTeachesTheProviderPid() {
        ContractNegotiation sent = NegotiationFixtures.consumer("c", NegotiationState.INITIAL)
                .request(NegotiationFixtures.CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .negotiation();
        assertThat(sent.providerPid()).isNull();
        ContractNegotiation agreed = sent.receive(new ContractAgreementMessage("tck-p", "c", AGREEMENT), PROVIDER, NOW)
                .orElseThrow()
                .negotiation();
        assertThat(agreed.state()).isEqualTo(NegotiationState.AGREED);
        assertThat(agreed.providerPid()).isEqualTo("tck-p");

        NegotiationChange sameReply = agreed.onRequestReply(
                        new ContractNegotiationResponse("tck-p", "c", "REQUESTED"), NOW)
                .orElseThrow();
        assertThat(sameReply.isUnchanged()).isTrue();
        Result<NegotiationChange> otherReply =
                agreed.onRequestReply(new ContractNegotiationResponse("other-p", "c", "REQUESTED"), NOW);
        assertThat(kind(otherReply)).isEqualTo(Result.Kind.CONFLICT);
        assertThat(reason(otherReply)).contains("tck-p").contains("other-p");
    }

    @Test
    void agreementWhileStillInitial_isAccepted() {
        ContractNegotiation initial = NegotiationFixtures.consumer("c", NegotiationState.INITIAL);
        NegotiationChange change = initial.receive(new ContractAgreementMessage("tck-p", "c", AGREEMENT), PROVIDER, NOW)
                .orElseThrow();
        assertThat(change.negotiation().state()).isEqualTo(NegotiationState.AGREED);
        assertThat(change.from()).isEqualTo(NegotiationState.INITIAL);
    }

    @Test
    void offerBeforeTheRequestReply_isAccepted_thenAcceptGoesToTheLearnedPid() {
        ContractNegotiation sent = NegotiationFixtures.consumer("c", NegotiationState.INITIAL)
                .request(NegotiationFixtures.CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .negotiation();
        ContractNegotiation offered = sent.receive(
                        new ContractOfferMessage("tck-p", "c", null, PROVIDER_OFFER), PROVIDER, NOW)
                .orElseThrow()
                .negotiation();
        OutgoingMessage accepted = offered.accept(NOW).orElseThrow().outgoing();
        assertThat(accepted.target()).isEqualTo(NegotiationFixtures.PROVIDER_ADDRESS + "/negotiations/tck-p/events");
        assertThat(accepted.message()).isEqualTo(new ContractNegotiationEventMessage("tck-p", "c", EventType.ACCEPTED));
    }

    @Test
    void replyFirst_learnsThePid_onceOnly() {
        ContractNegotiation sent = NegotiationFixtures.consumer("c", NegotiationState.INITIAL)
                .request(NegotiationFixtures.CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .negotiation();
        NegotiationChange learned = sent.onRequestReply(new ContractNegotiationResponse("p", "c", "REQUESTED"), NOW)
                .orElseThrow();
        assertThat(learned.event()).isEqualTo(NegotiationEvent.PROVIDER_PID_LEARNED);
        assertThat(learned.negotiation().state()).isEqualTo(NegotiationState.REQUESTED);
        assertThat(learned.negotiation().transitions()).isEqualTo(sent.transitions());
        Result<NegotiationChange> wrong =
                learned.negotiation().receive(new ContractOfferMessage("q", "c", null, PROVIDER_OFFER), PROVIDER, NOW);
        assertThat(kind(wrong)).isEqualTo(Result.Kind.INVALID);
        assertThat(kind(sent.onRequestReply(new ContractNegotiationResponse("p", "someone-else", "REQUESTED"), NOW)))
                .isEqualTo(Result.Kind.INVALID);
    }

    @Test
    void consumerCannotTerminateBeforeItKnowsTheProviderPid_butCanWhileInitial() {
        ContractNegotiation sent = NegotiationFixtures.consumer("c", NegotiationState.INITIAL)
                .request(NegotiationFixtures.CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .negotiation();
        Result<NegotiationChange> early = sent.terminate("x", List.of(), NOW);
        assertThat(kind(early)).isEqualTo(Result.Kind.CONFLICT);
        assertThat(reason(early)).contains("pid is known");
        assertThat(NegotiationFixtures.consumer("c", NegotiationState.INITIAL)
                        .terminate("x", List.of(), NOW)
                        .orElseThrow()
                        .outgoingMessage())
                .isEmpty();
    }

    @Test
    void aRefusedRequest_endsTheConsumerNegotiationHere_withoutAMessage_onlyWhileUnanswered() {
        ContractNegotiation sent = NegotiationFixtures.consumer("c", NegotiationState.INITIAL)
                .request(NegotiationFixtures.CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .negotiation();

        NegotiationChange refused =
                sent.requestRefused("dataset not offered", NOW).orElseThrow();

        assertThat(refused.negotiation().state()).isEqualTo(NegotiationState.TERMINATED);
        assertThat(refused.negotiation().terminationReason()).containsExactly("dataset not offered");
        assertThat(refused.outgoingMessage()).isEmpty();
        assertThat(kind(NegotiationFixtures.consumer("c", NegotiationState.OFFERED)
                        .requestRefused("x", NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(kind(NegotiationFixtures.provider("p", NegotiationState.REQUESTED)
                        .requestRefused("x", NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    // ---- duplicates with other content ----

    @Test
    void aDifferentAgreementWhileAgreed_isAConflict() {
        ContractNegotiation agreed = NegotiationFixtures.consumer("c", NegotiationState.AGREED);
        Agreement other = Agreement.of("urn:uuid:agreement-2", PROVIDER_OFFER, "ACN0101", PROVIDER, CONSUMER, NOW);
        assertThat(kind(agreed.onAgreement(new ContractAgreementMessage("provider-c", "c", other), NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void aDifferentOfferWhileOffered_isAConflict() {
        ContractNegotiation offered = NegotiationFixtures.consumer("c", NegotiationState.OFFERED);
        assertThat(kind(offered.onOffer(new ContractOfferMessage("provider-c", "c", null, COUNTER_OFFER), NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void aDifferentInitialRequestForAnExistingNegotiation_isAConflict() {
        ContractNegotiation requested = NegotiationFixtures.provider("p", NegotiationState.REQUESTED);
        ContractRequestMessage other = ContractRequestMessage.initial("consumer-p", "http://x:1", COUNTER_OFFER);
        assertThat(kind(requested.onRequest(other, NOW))).isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void aSecondDifferentCounterOfferWhileRequested_isAConflict() {
        ContractNegotiation countered =
                NegotiationFixtures.providerCountered("p", ContractNegotiation.UNLIMITED_COUNTER_OFFERS);
        ContractRequestMessage other = ContractRequestMessage.counterOffer("consumer-p", "p", REQUESTED_OFFER);
        assertThat(kind(countered.onRequest(other, NOW))).isEqualTo(Result.Kind.CONFLICT);
    }

    // ---- counter-offer limit (TCK CN:03-04) ----

    @Test
    void counterOfferLimit_refusesEveryFurtherCounterOffer_evenARepeat() {
        ContractNegotiation countered = NegotiationFixtures.providerCountered("p", 1);
        assertThat(countered.counterOffers()).isEqualTo(1);
        Result<NegotiationChange> again =
                countered.onRequest(ContractRequestMessage.counterOffer("consumer-p", "p", COUNTER_OFFER), NOW);
        assertThat(kind(again)).isEqualTo(Result.Kind.CONFLICT);
        assertThat(reason(again)).contains("allows 1 counter-offer");
    }

    @Test
    void zeroCounterOffers_refusesTheFirst() {
        ContractNegotiation offered = NegotiationFixtures.provider("p", NegotiationState.OFFERED, 0);
        assertThat(kind(offered.onRequest(ContractRequestMessage.counterOffer("consumer-p", "p", COUNTER_OFFER), NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void counterOffer_replacesTheOffer() {
        ContractNegotiation countered =
                NegotiationFixtures.providerCountered("p", ContractNegotiation.UNLIMITED_COUNTER_OFFERS);
        assertThat(countered.offer()).isEqualTo(COUNTER_OFFER);
        assertThat(countered.state()).isEqualTo(NegotiationState.REQUESTED);
    }

    // ---- who and which pids ----

    @Test
    void messagesFromSomeoneElse_areForbidden() {
        ContractNegotiation offered = NegotiationFixtures.provider("p", NegotiationState.OFFERED);
        DspMessage accepted = new ContractNegotiationEventMessage("p", "consumer-p", EventType.ACCEPTED);
        assertThat(kind(offered.receive(accepted, "did:web:mallory.example", NOW)))
                .isEqualTo(Result.Kind.FORBIDDEN);
        assertThat(offered.receive(accepted, CONSUMER, NOW).isOk()).isTrue();
    }

    @Test
    void messagesForOtherPids_areInvalid() {
        ContractNegotiation offered = NegotiationFixtures.provider("p", NegotiationState.OFFERED);
        assertThat(kind(offered.onAccepted(new ContractNegotiationEventMessage("p", "other", EventType.ACCEPTED), NOW)))
                .isEqualTo(Result.Kind.INVALID);
        assertThat(kind(offered.onAccepted(
                        new ContractNegotiationEventMessage("q", "consumer-p", EventType.ACCEPTED), NOW)))
                .isEqualTo(Result.Kind.INVALID);
    }

    @Test
    void aCounterOfferAsANewNegotiation_isInvalid() {
        assertThat(kind(ContractNegotiation.requested(
                        "p",
                        ContractRequestMessage.counterOffer("c", "x", REQUESTED_OFFER),
                        CONSUMER,
                        null,
                        ContractNegotiation.UNLIMITED_COUNTER_OFFERS,
                        NOW)))
                .isEqualTo(Result.Kind.INVALID);
    }

    @Test
    void requested_takesTheDatasetFromTheOfferTarget_whenNotGiven() {
        ContractNegotiation negotiation = ContractNegotiation.requested(
                        "p",
                        NegotiationFixtures.initialRequest("c"),
                        CONSUMER,
                        null,
                        ContractNegotiation.UNLIMITED_COUNTER_OFFERS,
                        NOW)
                .orElseThrow()
                .negotiation();
        assertThat(negotiation.datasetId()).isEqualTo("ACN0101");
        assertThat(negotiation.counterPartyAddress()).isEqualTo(NegotiationFixtures.CONSUMER_ADDRESS);
        assertThat(negotiation.version()).isZero();
    }

    // ---- actions' own checks ----

    @Test
    void providerOffer_needsTargetAndAssigner_andAgreement_needsTimestampAndPermission() {
        ContractNegotiation requested = NegotiationFixtures.provider("p", NegotiationState.REQUESTED);
        Offer noAssigner = Offer.permitting("o", "ACN0101", null, "use");
        assertThat(kind(requested.offer(noAssigner, NOW))).isEqualTo(Result.Kind.INVALID);
        Agreement untimed = new Agreement("a", "ACN0101", PROVIDER, CONSUMER, null, PROVIDER_OFFER.policy());
        assertThat(kind(requested.agree(untimed, NOW))).isEqualTo(Result.Kind.INVALID);
    }

    // ---- signatures ----

    @Test
    void signatures_areSetOnce_andNeedAnAgreement() {
        String jws = "eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl";
        ContractNegotiation agreed = NegotiationFixtures.provider("p", NegotiationState.AGREED);
        ContractNegotiation signed =
                agreed.withProviderSignature(jws, NOW).orElseThrow().negotiation();
        assertThat(signed.providerSignature()).isEqualTo(jws);
        assertThat(signed.state()).isEqualTo(NegotiationState.AGREED);
        assertThat(signed.withProviderSignature(jws, NOW).orElseThrow().isUnchanged())
                .isTrue();
        assertThat(kind(signed.withProviderSignature("eyJh..b3RoZXI", NOW))).isEqualTo(Result.Kind.CONFLICT);
        assertThat(kind(signed.withConsumerSignature("not a jws", NOW))).isEqualTo(Result.Kind.INVALID);
        assertThat(kind(NegotiationFixtures.provider("p", NegotiationState.OFFERED)
                        .withConsumerSignature(jws, NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void signaturesTravel_withTheAgreementAndTheVerification_soBothSidesHoldBoth() {
        String providerJws = "eyJhbGciOiJFZERTQSJ9..cHJvdmlkZXI";
        String consumerJws = "eyJhbGciOiJFZERTQSJ9..Y29uc3VtZXI";
        NegotiationChange agreed = NegotiationFixtures.provider("p", NegotiationState.REQUESTED)
                .agree(NegotiationFixtures.AGREEMENT, providerJws, NOW)
                .orElseThrow();
        ContractAgreementMessage sent = (ContractAgreementMessage)
                agreed.outgoingMessage().orElseThrow().message();
        assertThat(sent.providerSignature()).isEqualTo(providerJws);
        assertThat(agreed.negotiation().providerSignature()).isEqualTo(providerJws);

        ContractNegotiation consumer = NegotiationFixtures.consumer("c", NegotiationState.REQUESTED)
                .onAgreement(
                        new ContractAgreementMessage("provider-c", "c", NegotiationFixtures.AGREEMENT, providerJws),
                        NOW)
                .orElseThrow()
                .negotiation();
        assertThat(consumer.providerSignature()).isEqualTo(providerJws);
        NegotiationChange verified = consumer.verify(consumerJws, NOW).orElseThrow();
        ContractAgreementVerificationMessage verification = (ContractAgreementVerificationMessage)
                verified.outgoingMessage().orElseThrow().message();
        assertThat(verification.consumerSignature()).isEqualTo(consumerJws);
        assertThat(verified.negotiation().consumerSignature()).isEqualTo(consumerJws);

        ContractNegotiation provider = agreed.negotiation()
                .onVerification(
                        new ContractAgreementVerificationMessage(
                                agreed.negotiation().providerPid(),
                                agreed.negotiation().consumerPid(),
                                consumerJws),
                        NOW)
                .orElseThrow()
                .negotiation();
        assertThat(provider.state()).isEqualTo(NegotiationState.VERIFIED);
        assertThat(provider.providerSignature()).isEqualTo(providerJws);
        assertThat(provider.consumerSignature()).isEqualTo(consumerJws);
        assertThat(new String(
                        NegotiationChange.unchanged(provider, "x", NOW).evidencePayload(), StandardCharsets.UTF_8))
                .doesNotContain(consumerJws);
        assertThat(new String(verified.evidencePayload(), StandardCharsets.UTF_8))
                .contains(providerJws, consumerJws);
    }

    @Test
    void aMalformedSignatureInAMessage_isRefused_andChangesNothing() {
        ContractNegotiation consumer = NegotiationFixtures.consumer("c", NegotiationState.REQUESTED);
        assertThat(kind(consumer.onAgreement(
                        new ContractAgreementMessage("provider-c", "c", NegotiationFixtures.AGREEMENT, "not a jws"),
                        NOW)))
                .isEqualTo(Result.Kind.INVALID);
        ContractNegotiation provider = NegotiationFixtures.provider("p", NegotiationState.AGREED);
        assertThat(kind(provider.onVerification(
                        new ContractAgreementVerificationMessage(
                                provider.providerPid(), provider.consumerPid(), "x".repeat(20_000)),
                        NOW)))
                .isEqualTo(Result.Kind.INVALID);
        assertThat(kind(NegotiationFixtures.provider("q", NegotiationState.REQUESTED)
                        .agree(NegotiationFixtures.AGREEMENT, "a.b", NOW)))
                .isEqualTo(Result.Kind.INVALID);
    }

    @Test
    void agreementCanonicalBytes_areStable() {
        ContractNegotiation agreed = NegotiationFixtures.consumer("c", NegotiationState.AGREED);
        assertThat(new String(agreed.agreement().canonicalBytes(), StandardCharsets.UTF_8))
                .startsWith("{\"@id\":\"urn:uuid:agreement-1\",\"@type\":\"Agreement\"")
                .contains("\"timestamp\":\"2026-03-01T08:00:00Z\"");
    }

    // ---- views and evidence ----

    @Test
    void toResponse_reportsDspStates() {
        assertThat(NegotiationFixtures.provider("p", NegotiationState.AGREED)
                        .toResponse()
                        .orElseThrow())
                .isEqualTo(new ContractNegotiationResponse("p", "consumer-p", "AGREED"));
        assertThat(kind(NegotiationFixtures.consumer("c", NegotiationState.INITIAL)
                        .toResponse()))
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(NegotiationState.INITIAL.dspName()).isEqualTo("REQUESTED");
    }

    @Test
    void evidencePayload_ofStepsInOneTransaction_isTheLastStepHoldingTheEarlierOnes() {
        NegotiationChange agreed = NegotiationFixtures.provider("p", NegotiationState.REQUESTED)
                .agree(AGREEMENT, NOW)
                .orElseThrow();
        NegotiationChange terminated = agreed.negotiation()
                .terminate("withdrawn", List.of("the dataset was withdrawn"), NOW.plusSeconds(1))
                .orElseThrow();
        String both = new String(
                io.trustspace.contract.process.ProcessChange.evidencePayload(List.of(agreed, terminated)),
                StandardCharsets.UTF_8);
        String agreedAlone = new String(agreed.evidencePayload(), StandardCharsets.UTF_8);
        String terminatedAlone = new String(terminated.evidencePayload(), StandardCharsets.UTF_8);

        // The last step's members, plus "steps" holding the earlier ones exactly as they stand alone (canonical
        // JSON sorts members, so "steps" lands between "state" and nothing after it).
        assertThat(both)
                .isEqualTo(terminatedAlone.substring(0, terminatedAlone.length() - 1) + ",\"steps\":[" + agreedAlone
                        + "]}");
        assertThat(both).contains("\"event\":\"terminated\"", "\"from\":\"AGREED\"", "\"code\":\"withdrawn\"");
        assertThat(io.trustspace.contract.process.ProcessChange.evidencePayload(List.of(agreed)))
                .isEqualTo(agreed.evidencePayload());
    }

    @Test
    void evidencePayload_refusesNoStepsAndStepsOfTwoProcesses() {
        NegotiationChange p = NegotiationFixtures.provider("p", NegotiationState.REQUESTED)
                .agree(AGREEMENT, NOW)
                .orElseThrow();
        NegotiationChange q = NegotiationFixtures.provider("q", NegotiationState.REQUESTED)
                .agree(AGREEMENT, NOW)
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> io.trustspace.contract.process.ProcessChange.evidencePayload(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> io.trustspace.contract.process.ProcessChange.evidencePayload(List.of(p, q)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p")
                .hasMessageContaining("q");
    }

    @Test
    void evidencePayload_isCanonicalAndNamesTheStep() {
        NegotiationChange agreed = NegotiationFixtures.provider("p", NegotiationState.REQUESTED)
                .agree(AGREEMENT, NOW)
                .orElseThrow();
        assertThat(agreed.evidenceType()).isEqualTo("negotiation.agreed");
        assertThat(agreed.subjects()).containsExactly("p", "urn:uuid:agreement-1");
        assertThat(new String(agreed.evidencePayload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"agreement\":\"urn:uuid:agreement-1\",\"at\":\"2026-03-01T08:00:00Z\","
                        + "\"consumerPid\":\"consumer-p\",\"counterParty\":\"did:web:consumer.example\","
                        + "\"dataset\":\"ACN0101\",\"event\":\"agreed\",\"from\":\"REQUESTED\","
                        + "\"message\":\"ContractAgreementMessage\",\"negotiation\":\"p\",\"providerPid\":\"p\","
                        + "\"role\":\"PROVIDER\",\"state\":\"AGREED\"}");
    }

    // ---- both sides talking through the codec (TCK CN:01-03 / CN_C:01-01) ----

    @Test
    void fullNegotiation_betweenOurProviderAndOurConsumer_throughTheCodec() {
        ContractNegotiation consumer = ContractNegotiation.initiate(
                        "c", PROVIDER, NegotiationFixtures.PROVIDER_ADDRESS, "ACN0101", REQUESTED_OFFER, NOW)
                .negotiation();
        NegotiationChange step =
                consumer.request(NegotiationFixtures.CONSUMER_ADDRESS, NOW).orElseThrow();
        consumer = step.negotiation();
        ContractRequestMessage request = wire(
                step.outgoing(),
                NegotiationFixtures.PROVIDER_ADDRESS + "/negotiations/request",
                ContractRequestMessage.class);
        ContractNegotiation provider = ContractNegotiation.requested(
                        "p", request, CONSUMER, null, ContractNegotiation.UNLIMITED_COUNTER_OFFERS, NOW)
                .orElseThrow()
                .negotiation();
        consumer = consumer.onRequestReply(
                        DspCodec.read(
                                        DspCodec.write(provider.toResponse().orElseThrow()),
                                        ContractNegotiationResponse.class)
                                .orElseThrow(),
                        NOW)
                .orElseThrow()
                .negotiation();

        step = provider.offer(PROVIDER_OFFER, NOW).orElseThrow();
        provider = step.negotiation();
        consumer = consumer.receive(
                        wire(
                                step.outgoing(),
                                "https://consumer.example/api/dsp/2025-1/negotiations/c/offers",
                                ContractOfferMessage.class),
                        PROVIDER,
                        NOW)
                .orElseThrow()
                .negotiation();

        step = consumer.accept(NOW).orElseThrow();
        consumer = step.negotiation();
        provider = provider.receive(
                        wire(
                                step.outgoing(),
                                NegotiationFixtures.PROVIDER_ADDRESS + "/negotiations/p/events",
                                ContractNegotiationEventMessage.class),
                        CONSUMER,
                        NOW)
                .orElseThrow()
                .negotiation();

        step = provider.agree(AGREEMENT, NOW).orElseThrow();
        provider = step.negotiation();
        consumer = consumer.receive(
                        wire(
                                step.outgoing(),
                                "https://consumer.example/api/dsp/2025-1/negotiations/c/agreement",
                                ContractAgreementMessage.class),
                        PROVIDER,
                        NOW)
                .orElseThrow()
                .negotiation();
        assertThat(consumer.agreement()).isEqualTo(provider.agreement());

        step = consumer.verify(NOW).orElseThrow();
        consumer = step.negotiation();
        provider = provider.receive(
                        wire(
                                step.outgoing(),
                                NegotiationFixtures.PROVIDER_ADDRESS + "/negotiations/p/agreement/verification",
                                ContractAgreementVerificationMessage.class),
                        CONSUMER,
                        NOW)
                .orElseThrow()
                .negotiation();

        step = provider.finalizeAgreement(NOW).orElseThrow();
        provider = step.negotiation();
        consumer = consumer.receive(
                        wire(
                                step.outgoing(),
                                "https://consumer.example/api/dsp/2025-1/negotiations/c/events",
                                ContractNegotiationEventMessage.class),
                        PROVIDER,
                        NOW)
                .orElseThrow()
                .negotiation();

        assertThat(provider.state()).isEqualTo(NegotiationState.FINALIZED);
        assertThat(consumer.state()).isEqualTo(NegotiationState.FINALIZED);
        assertThat(consumer.transitions())
                .extracting(NegotiationTransition::to)
                .containsExactly(
                        NegotiationState.INITIAL,
                        NegotiationState.REQUESTED,
                        NegotiationState.OFFERED,
                        NegotiationState.ACCEPTED,
                        NegotiationState.AGREED,
                        NegotiationState.VERIFIED,
                        NegotiationState.FINALIZED);
        // CN:03-01: a termination after FINALIZED is refused, and not as NOT_FOUND.
        assertThat(kind(provider.receive(
                        new ContractNegotiationTerminationMessage("p", "c", "late", List.of()), CONSUMER, NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    private static <T extends DspMessage> T wire(OutgoingMessage outgoing, String target, Class<T> type) {
        assertThat(outgoing.target()).isEqualTo(target);
        return DspCodec.read(DspCodec.write(outgoing.message()), type).orElseThrow();
    }
}
