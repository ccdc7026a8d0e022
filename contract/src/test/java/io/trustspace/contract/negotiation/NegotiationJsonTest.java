package io.trustspace.contract.negotiation;

import static io.trustspace.contract.negotiation.NegotiationFixtures.AGREEMENT;
import static io.trustspace.contract.negotiation.NegotiationFixtures.CONSUMER_ADDRESS;
import static io.trustspace.contract.negotiation.NegotiationFixtures.COUNTER_OFFER;
import static io.trustspace.contract.negotiation.NegotiationFixtures.DATASET;
import static io.trustspace.contract.negotiation.NegotiationFixtures.NOW;
import static io.trustspace.contract.negotiation.NegotiationFixtures.PROVIDER;
import static io.trustspace.contract.negotiation.NegotiationFixtures.PROVIDER_OFFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.contract.message.Agreement;
import io.trustspace.contract.message.ContractAgreementMessage;
import io.trustspace.contract.message.ContractNegotiationEventMessage;
import io.trustspace.contract.message.ContractNegotiationResponse;
import io.trustspace.contract.message.ContractOfferMessage;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.message.EventType;
import io.trustspace.contract.message.Offer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class NegotiationJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Through text and back, as storage does. */
    private static ContractNegotiation roundTrip(ContractNegotiation negotiation) {
        String text = NegotiationJson.write(negotiation).toString();
        return NegotiationJson.read(MAPPER.readTree(text)).orElseThrow();
    }

    private static String invalid(JsonNode json) {
        Result<ContractNegotiation> result = NegotiationJson.read(json);
        assertThat(result.isOk()).as("expected INVALID: %s", result).isFalse();
        Result.Failure<ContractNegotiation> failure = (Result.Failure<ContractNegotiation>) result;
        assertThat(failure.kind()).isEqualTo(Result.Kind.INVALID);
        return failure.reason();
    }

    private static ObjectNode written(ContractNegotiation negotiation) {
        return NegotiationJson.write(negotiation);
    }

    @ParameterizedTest
    @EnumSource(value = NegotiationState.class, names = "INITIAL", mode = EnumSource.Mode.EXCLUDE)
    void providerFixtures_roundTrip(NegotiationState state) {
        ContractNegotiation negotiation = NegotiationFixtures.provider("p-" + state, state, 2);
        assertThat(roundTrip(negotiation)).isEqualTo(negotiation);
    }

    @ParameterizedTest
    @EnumSource(NegotiationState.class)
    void consumerFixtures_roundTrip(NegotiationState state) {
        ContractNegotiation negotiation = NegotiationFixtures.consumer("c-" + state, state);
        assertThat(roundTrip(negotiation)).isEqualTo(negotiation);
    }

    @Test
    void aProviderTakenThroughCounterOffers_signaturesAndTermination_roundTripsAtEveryStep() {
        List<ContractNegotiation> steps = new ArrayList<>();
        ContractNegotiation n = NegotiationFixtures.providerCountered("p-1", 3).withVersion(4);
        steps.add(n);
        n = n.offer(PROVIDER_OFFER, NOW.plusMillis(1)).orElseThrow().negotiation();
        steps.add(n);
        n = n.onRequest(ContractRequestMessage.counterOffer("consumer-p-1", "p-1", COUNTER_OFFER), NOW.plusMillis(2))
                .orElseThrow()
                .negotiation();
        steps.add(n);
        n = n.agree(AGREEMENT, NOW.plusMillis(3)).orElseThrow().negotiation();
        steps.add(n);
        n = n.withProviderSignature("eyJhbGciOiJFUzI1NiJ9..c2ln", NOW.plusMillis(4))
                .orElseThrow()
                .negotiation();
        n = n.withConsumerSignature("eyJhbGciOiJFUzI1NiJ9..b3RoZXI", NOW.plusMillis(5))
                .orElseThrow()
                .negotiation();
        steps.add(n);
        n = n.terminate("policy-withdrawn", List.of("first", "second"), NOW.plusMillis(6))
                .orElseThrow()
                .negotiation();
        steps.add(n);

        for (ContractNegotiation step : steps) {
            assertThat(roundTrip(step)).isEqualTo(step);
        }
        ContractNegotiation last = roundTrip(n);
        assertThat(last.counterOffers()).isEqualTo(2);
        assertThat(last.maxCounterOffers()).isEqualTo(3);
        assertThat(last.version()).isEqualTo(4);
        assertThat(last.providerSignature()).isEqualTo("eyJhbGciOiJFUzI1NiJ9..c2ln");
        assertThat(last.consumerSignature()).isEqualTo("eyJhbGciOiJFUzI1NiJ9..b3RoZXI");
        assertThat(last.terminationReason()).containsExactly("first", "second");
        assertThat(last.transitions()).hasSize(n.transitions().size());
        assertThat(last.agreement().canonicalBytes()).isEqualTo(AGREEMENT.canonicalBytes());
    }

    @Test
    void aConsumerLearningTheProviderPidOutOfOrder_withAnAgreementWithoutTimestamp_roundTrips() {
        ContractNegotiation sent = NegotiationFixtures.consumer("c-1", NegotiationState.INITIAL)
                .request(CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .negotiation();
        assertThat(roundTrip(sent)).isEqualTo(sent);
        ContractNegotiation offered = sent.onOffer(
                        new ContractOfferMessage("prov-1", "c-1", null, PROVIDER_OFFER), NOW.plusSeconds(1))
                .orElseThrow()
                .negotiation();
        ContractNegotiation replied = offered.onRequestReply(
                        new ContractNegotiationResponse("prov-1", "c-1", "REQUESTED"), NOW.plusSeconds(2))
                .orElseThrow()
                .negotiation();
        ContractNegotiation accepted =
                replied.accept(NOW.plusSeconds(3)).orElseThrow().negotiation();
        Agreement untimed = new Agreement(
                "urn:uuid:agreement-2", DATASET, PROVIDER, NegotiationFixtures.CONSUMER, null, PROVIDER_OFFER.policy());
        ContractNegotiation agreed = accepted.onAgreement(
                        new ContractAgreementMessage("prov-1", "c-1", untimed), NOW.plusSeconds(4))
                .orElseThrow()
                .negotiation();
        ContractNegotiation verified =
                agreed.verify(NOW.plusSeconds(5)).orElseThrow().negotiation();
        ContractNegotiation finalized = verified.onFinalized(
                        new ContractNegotiationEventMessage("prov-1", "c-1", EventType.FINALIZED), NOW.plusSeconds(6))
                .orElseThrow()
                .negotiation();
        for (ContractNegotiation step : List.of(offered, replied, accepted, agreed, verified, finalized)) {
            assertThat(roundTrip(step)).isEqualTo(step);
        }
        assertThat(roundTrip(finalized).agreement().timestamp()).isNull();
        assertThat(written(finalized).get("agreement").has("timestamp")).isFalse();
    }

    @Test
    void anOfferWithoutParties_andARichPolicy_roundTrip() {
        ObjectNode policy = MAPPER.createObjectNode();
        ObjectNode permission = policy.putArray("permission").addObject();
        permission.put("action", "use");
        ObjectNode constraint = permission.putArray("constraint").addObject();
        constraint.put("leftOperand", "count").put("operator", "lteq").put("rightOperand", 10);
        constraint
                .put("ratio", 0.25)
                .put("big", 12345678901234L)
                .put("flag", true)
                .putNull("none");
        policy.putArray("obligation");
        policy.put("@context", "https://w3id.org/dspace/2025/1/context.jsonld");
        policy.put("profile", "urn:中文:profile");
        Offer bare = new Offer("offer-1", null, null, null, policy);
        ContractNegotiation negotiation = ContractNegotiation.initiate(
                        "c-1", PROVIDER, "https://provider.example/dsp", DATASET, bare, NOW.plusNanos(123_456_789))
                .negotiation();
        ContractNegotiation read = roundTrip(negotiation);
        assertThat(read).isEqualTo(negotiation);
        assertThat(read.offer().target()).isNull();
        assertThat(read.offer().policy()).isEqualTo(policy);
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
    }

    @Test
    void write_usesTheDspFormsAndIsoInstants() {
        ObjectNode json = written(NegotiationFixtures.provider("p-1", NegotiationState.AGREED));
        assertThat(json.get("offer").get("@type").stringValue()).isEqualTo("Offer");
        assertThat(json.get("agreement").get("@type").stringValue()).isEqualTo("Agreement");
        assertThat(json.get("agreement").get("timestamp").stringValue()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(json.get("createdAt").stringValue()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(json.get("transitions").get(0).get("from").isNull()).isTrue();
        assertThat(json.get("providerSignature").isNull()).isTrue();
        assertThat(json.get("role").stringValue()).isEqualTo("PROVIDER");
    }

    @Test
    void write_refusesAPolicyThatWouldCollideWithTheDspForm() {
        ObjectNode policy = MAPPER.createObjectNode();
        policy.putArray("permission").addObject().put("action", "use");
        policy.put("target", "other-dataset");
        Offer colliding = new Offer("offer-1", DATASET, PROVIDER, null, policy);
        ContractNegotiation negotiation = ContractNegotiation.initiate(
                        "c-1", PROVIDER, "https://provider.example/dsp", DATASET, colliding, NOW)
                .negotiation();
        assertThatThrownBy(() -> NegotiationJson.write(negotiation))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'target'");
    }

    // ---- strictness ----

    @Test
    void read_refusesAnUnknownMember() {
        ObjectNode json = written(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        json.put("extra", 1);
        assertThat(invalid(json)).isEqualTo("negotiation has an unknown member 'extra'");
    }

    @Test
    void read_refusesAMissingMember_evenANullableOne() {
        ObjectNode json = written(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        json.remove("providerSignature");
        assertThat(invalid(json)).isEqualTo("negotiation.providerSignature is missing");
    }

    @Test
    void read_refusesWrongTypes() {
        ObjectNode json = written(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        json.put("counterOffers", "0");
        assertThat(invalid(json)).isEqualTo("negotiation.counterOffers must be a 32-bit integer");

        json = written(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        json.put("version", 1.5);
        assertThat(invalid(json)).isEqualTo("negotiation.version must be a 64-bit integer");

        json = written(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        json.put("id", 7);
        assertThat(invalid(json)).isEqualTo("negotiation.id must be a string");

        json = written(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        json.put("terminationReason", "why");
        assertThat(invalid(json)).isEqualTo("negotiation.terminationReason must be an array");

        assertThat(invalid(MAPPER.readTree("[]"))).isEqualTo("negotiation must be an object");
        assertThat(invalid(null)).isEqualTo("negotiation must be an object");
    }

    @Test
    void read_refusesUnknownEnumNames_andBadInstants() {
        ObjectNode json = written(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        json.put("state", "requested");
        assertThat(invalid(json)).startsWith("negotiation.state must be one of [INITIAL, REQUESTED");

        json = written(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        ((ObjectNode) json.get("transitions").get(0)).put("at", "2026-03-01 08:00");
        assertThat(invalid(json))
                .isEqualTo("negotiation.transitions[0].at must be an ISO-8601 instant, not '2026-03-01 08:00'");
    }

    @Test
    void read_refusesAnOfferOrAgreementOfAnotherType() {
        ObjectNode json = written(NegotiationFixtures.provider("p-1", NegotiationState.AGREED));
        ((ObjectNode) json.get("agreement")).put("@type", "Offer");
        assertThat(invalid(json)).isEqualTo("negotiation.agreement.@type must be Agreement, not 'Offer'");

        json = written(NegotiationFixtures.provider("p-1", NegotiationState.AGREED));
        ((ObjectNode) json.get("offer")).remove("@id");
        assertThat(invalid(json)).isEqualTo("negotiation.offer.@id must be a string");
    }

    @Test
    void read_refusesWhatTheAggregateRefuses() {
        ObjectNode json = written(NegotiationFixtures.provider("p-1", NegotiationState.AGREED));
        json.put("state", "OFFERED");
        assertThat(invalid(json)).isEqualTo("negotiation: state OFFERED is not where the last transition ended");

        json = written(NegotiationFixtures.provider("p-1", NegotiationState.AGREED));
        json.putNull("agreement");
        assertThat(invalid(json)).isEqualTo("negotiation: a negotiation in AGREED has an agreement");
    }
}
