package io.trustspace.contract.negotiation;

import static io.trustspace.contract.negotiation.NegotiationFixtures.AGREEMENT;
import static io.trustspace.contract.negotiation.NegotiationFixtures.COUNTER_OFFER;
import static io.trustspace.contract.negotiation.NegotiationFixtures.NOW;
import static io.trustspace.contract.negotiation.NegotiationFixtures.PROVIDER_OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.contract.message.ContractAgreementMessage;
import io.trustspace.contract.message.ContractAgreementVerificationMessage;
import io.trustspace.contract.message.ContractNegotiationEventMessage;
import io.trustspace.contract.message.ContractNegotiationTerminationMessage;
import io.trustspace.contract.message.ContractOfferMessage;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.message.Direction;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state × every received message and every action, for both roles, against tables written out here from
 * DSP 2025-1 (not derived from the implementation). Anything not listed as legal must be a CONFLICT naming the state
 * and the message; steps the role never takes must be INVALID.
 */
class NegotiationStateMachineTest {

    private static final String PID = "p-1";
    private static final String CPID = "consumer-p-1";
    private static final String C_PID = "c-1";
    private static final String C_PROVIDER_PID = "provider-c-1";
    private static final Instant LATER = NOW.plusSeconds(60);

    /** A step: what it is called, the message type a CONFLICT reason must name, and what it does. */
    record Step(
            String name, String message, String sends, Function<ContractNegotiation, Result<NegotiationChange>> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Step received(String name, String message, DspMessage dsp) {
        return new Step(name, message, null, n -> n.receive(dsp, n.counterPartyId(), LATER));
    }

    // ---- provider ----

    private static final List<Step> PROVIDER_STEPS = List.of(
            received("initial request again", "ContractRequestMessage", NegotiationFixtures.initialRequest(CPID)),
            received(
                    "counter-offer",
                    "ContractRequestMessage",
                    ContractRequestMessage.counterOffer(CPID, PID, COUNTER_OFFER)),
            received(
                    "ACCEPTED",
                    "ContractNegotiationEventMessage:ACCEPTED",
                    new ContractNegotiationEventMessage(PID, CPID, EventType.ACCEPTED)),
            received(
                    "verification",
                    "ContractAgreementVerificationMessage",
                    new ContractAgreementVerificationMessage(PID, CPID)),
            received(
                    "termination",
                    "ContractNegotiationTerminationMessage",
                    new ContractNegotiationTerminationMessage(PID, CPID, "stop", List.of())),
            received(
                    "offer (wrong way)",
                    "ContractOfferMessage",
                    new ContractOfferMessage(PID, CPID, null, PROVIDER_OFFER)),
            received(
                    "agreement (wrong way)",
                    "ContractAgreementMessage",
                    new ContractAgreementMessage(PID, CPID, AGREEMENT)),
            received(
                    "FINALIZED (wrong way)",
                    "ContractNegotiationEventMessage:FINALIZED",
                    new ContractNegotiationEventMessage(PID, CPID, EventType.FINALIZED)),
            new Step(
                    "offer",
                    "ContractOfferMessage",
                    "/negotiations/" + CPID + "/offers",
                    n -> n.offer(PROVIDER_OFFER, LATER)),
            new Step(
                    "agree",
                    "ContractAgreementMessage",
                    "/negotiations/" + CPID + "/agreement",
                    n -> n.agree(AGREEMENT, LATER)),
            new Step(
                    "finalize",
                    "ContractNegotiationEventMessage:FINALIZED",
                    "/negotiations/" + CPID + "/events",
                    n -> n.finalizeAgreement(LATER)),
            new Step(
                    "terminate",
                    "ContractNegotiationTerminationMessage",
                    "/negotiations/" + CPID + "/termination",
                    n -> n.terminate("bye", List.of("reason"), LATER)),
            new Step("request (wrong way)", "ContractRequestMessage", null, n -> n.request("http://x:1", LATER)),
            new Step("accept (wrong way)", "ACCEPTED", null, n -> n.accept(LATER)),
            new Step("verify (wrong way)", "Verification", null, n -> n.verify(LATER)));

    /** Provider fixtures; COUNTERED is REQUESTED after the consumer's counter-offer. */
    private static final Map<String, ContractNegotiation> PROVIDER_STATES = new LinkedHashMap<>();

    static {
        PROVIDER_STATES.put("REQUESTED", NegotiationFixtures.provider(PID, NegotiationState.REQUESTED));
        PROVIDER_STATES.put(
                "COUNTERED", NegotiationFixtures.providerCountered(PID, ContractNegotiation.UNLIMITED_COUNTER_OFFERS));
        for (NegotiationState state : List.of(
                NegotiationState.OFFERED,
                NegotiationState.ACCEPTED,
                NegotiationState.AGREED,
                NegotiationState.VERIFIED,
                NegotiationState.FINALIZED,
                NegotiationState.TERMINATED)) {
            PROVIDER_STATES.put(state.name(), NegotiationFixtures.provider(PID, state));
        }
    }

    private static final Map<String, String> PROVIDER_TABLE = table(
            "REQUESTED  | initial request again | UNCHANGED",
            // A retried initial request is answered with the current state, whatever happened since.
            "COUNTERED  | initial request again | UNCHANGED",
            "OFFERED    | initial request again | UNCHANGED",
            "ACCEPTED   | initial request again | UNCHANGED",
            "AGREED     | initial request again | UNCHANGED",
            "VERIFIED   | initial request again | UNCHANGED",
            "FINALIZED  | initial request again | UNCHANGED",
            "TERMINATED | initial request again | UNCHANGED",
            // A verification sent again after we finalized (the consumer missed our answer): no change.
            "FINALIZED  | verification          | UNCHANGED",
            "OFFERED    | counter-offer         | REQUESTED",
            "COUNTERED  | counter-offer         | UNCHANGED",
            "OFFERED    | ACCEPTED              | ACCEPTED",
            "ACCEPTED   | ACCEPTED              | UNCHANGED",
            "AGREED     | verification          | VERIFIED",
            "VERIFIED   | verification          | UNCHANGED",
            "REQUESTED  | termination           | TERMINATED",
            "COUNTERED  | termination           | TERMINATED",
            "OFFERED    | termination           | TERMINATED",
            "ACCEPTED   | termination           | TERMINATED",
            "AGREED     | termination           | TERMINATED",
            "VERIFIED   | termination           | TERMINATED",
            "TERMINATED | termination           | UNCHANGED",
            "REQUESTED  | offer                 | OFFERED",
            "COUNTERED  | offer                 | OFFERED",
            "REQUESTED  | agree                 | AGREED",
            "COUNTERED  | agree                 | AGREED",
            "ACCEPTED   | agree                 | AGREED",
            "VERIFIED   | finalize              | FINALIZED",
            "REQUESTED  | terminate             | TERMINATED",
            "COUNTERED  | terminate             | TERMINATED",
            "OFFERED    | terminate             | TERMINATED",
            "ACCEPTED   | terminate             | TERMINATED",
            "AGREED     | terminate             | TERMINATED",
            "VERIFIED   | terminate             | TERMINATED");

    // ---- consumer ----

    private static final List<Step> CONSUMER_STEPS = List.of(
            received(
                    "offer",
                    "ContractOfferMessage",
                    new ContractOfferMessage(C_PROVIDER_PID, C_PID, null, PROVIDER_OFFER)),
            received(
                    "agreement",
                    "ContractAgreementMessage",
                    new ContractAgreementMessage(C_PROVIDER_PID, C_PID, AGREEMENT)),
            received(
                    "FINALIZED",
                    "ContractNegotiationEventMessage:FINALIZED",
                    new ContractNegotiationEventMessage(C_PROVIDER_PID, C_PID, EventType.FINALIZED)),
            received(
                    "termination",
                    "ContractNegotiationTerminationMessage",
                    new ContractNegotiationTerminationMessage(C_PROVIDER_PID, C_PID, "stop", List.of())),
            received(
                    "counter-offer (wrong way)",
                    "ContractRequestMessage",
                    ContractRequestMessage.counterOffer(C_PID, C_PROVIDER_PID, COUNTER_OFFER)),
            received(
                    "ACCEPTED (wrong way)",
                    "ContractNegotiationEventMessage:ACCEPTED",
                    new ContractNegotiationEventMessage(C_PROVIDER_PID, C_PID, EventType.ACCEPTED)),
            received(
                    "verification (wrong way)",
                    "ContractAgreementVerificationMessage",
                    new ContractAgreementVerificationMessage(C_PROVIDER_PID, C_PID)),
            new Step(
                    "request",
                    "ContractRequestMessage",
                    "/negotiations/request",
                    n -> n.request(NegotiationFixtures.CONSUMER_ADDRESS, LATER)),
            new Step(
                    "counter-offer",
                    "ContractRequestMessage",
                    "/negotiations/" + C_PROVIDER_PID + "/request",
                    n -> n.counterOffer(COUNTER_OFFER, LATER)),
            new Step(
                    "accept",
                    "ContractNegotiationEventMessage:ACCEPTED",
                    "/negotiations/" + C_PROVIDER_PID + "/events",
                    n -> n.accept(LATER)),
            new Step(
                    "verify",
                    "ContractAgreementVerificationMessage",
                    "/negotiations/" + C_PROVIDER_PID + "/agreement/verification",
                    n -> n.verify(LATER)),
            new Step(
                    "terminate",
                    "ContractNegotiationTerminationMessage",
                    "/negotiations/" + C_PROVIDER_PID + "/termination",
                    n -> n.terminate("bye", List.of(), LATER)),
            new Step("offer (wrong way)", "ContractOfferMessage", null, n -> n.offer(PROVIDER_OFFER, LATER)),
            new Step("agree (wrong way)", "ContractAgreementMessage", null, n -> n.agree(AGREEMENT, LATER)),
            new Step("finalize (wrong way)", "FINALIZED", null, n -> n.finalizeAgreement(LATER)));

    private static final Map<String, ContractNegotiation> CONSUMER_STATES = new LinkedHashMap<>();

    static {
        for (NegotiationState state : NegotiationState.values()) {
            CONSUMER_STATES.put(state.name(), NegotiationFixtures.consumer(C_PID, state));
        }
    }

    private static final Map<String, String> CONSUMER_TABLE = table(
            "INITIAL    | offer       | OFFERED",
            "REQUESTED  | offer       | OFFERED",
            "OFFERED    | offer       | UNCHANGED",
            "INITIAL    | agreement   | AGREED",
            "REQUESTED  | agreement   | AGREED",
            "ACCEPTED   | agreement   | AGREED",
            "AGREED     | agreement   | UNCHANGED",
            // The same agreement again after we verified (the provider missed our answer): no change.
            "VERIFIED   | agreement   | UNCHANGED",
            "FINALIZED  | agreement   | UNCHANGED",
            "VERIFIED   | FINALIZED   | FINALIZED",
            "FINALIZED  | FINALIZED   | UNCHANGED",
            "INITIAL    | termination | TERMINATED",
            "REQUESTED  | termination | TERMINATED",
            "OFFERED    | termination | TERMINATED",
            "ACCEPTED   | termination | TERMINATED",
            "AGREED     | termination | TERMINATED",
            "VERIFIED   | termination | TERMINATED",
            "TERMINATED | termination | UNCHANGED",
            "INITIAL    | request     | REQUESTED",
            "OFFERED    | counter-offer | REQUESTED",
            "OFFERED    | accept      | ACCEPTED",
            "AGREED     | verify      | VERIFIED",
            "INITIAL    | terminate   | TERMINATED (sends nothing)",
            "REQUESTED  | terminate   | TERMINATED",
            "OFFERED    | terminate   | TERMINATED",
            "ACCEPTED   | terminate   | TERMINATED",
            "AGREED     | terminate   | TERMINATED",
            "VERIFIED   | terminate   | TERMINATED");

    private static Map<String, String> table(String... rows) {
        Map<String, String> table = new LinkedHashMap<>();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String previous = table.put(cells[0].trim() + " / " + cells[1].trim(), cells[2].trim());
            if (previous != null) {
                throw new IllegalArgumentException("duplicate row " + row);
            }
        }
        return table;
    }

    static Stream<Arguments> providerCases() {
        return cases(PROVIDER_STATES, PROVIDER_STEPS, PROVIDER_TABLE, NegotiationFixtures.CONSUMER_ADDRESS);
    }

    static Stream<Arguments> consumerCases() {
        return cases(CONSUMER_STATES, CONSUMER_STEPS, CONSUMER_TABLE, NegotiationFixtures.PROVIDER_ADDRESS);
    }

    private static Stream<Arguments> cases(
            Map<String, ContractNegotiation> states, List<Step> steps, Map<String, String> table, String address) {
        List<Arguments> cases = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Map.Entry<String, ContractNegotiation> state : states.entrySet()) {
            for (Step step : steps) {
                String key = state.getKey() + " / " + step.name();
                String expected = step.name().endsWith("(wrong way)") ? "INVALID" : table.getOrDefault(key, "CONFLICT");
                if (table.containsKey(key)) {
                    used.add(key);
                }
                cases.add(Arguments.of(state.getKey(), step, expected, state.getValue(), address));
            }
        }
        if (used.size() != table.size()) {
            throw new IllegalStateException("table rows that match no case: "
                    + table.keySet().stream().filter(key -> !used.contains(key)).toList());
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "provider {0} + {1} -> {2}")
    @MethodSource("providerCases")
    void provider(String name, Step step, String expected, ContractNegotiation negotiation, String address) {
        check(step, expected, negotiation, address);
    }

    @ParameterizedTest(name = "consumer {0} + {1} -> {2}")
    @MethodSource("consumerCases")
    void consumer(String name, Step step, String expected, ContractNegotiation negotiation, String address) {
        check(step, expected, negotiation, address);
    }

    private static void check(Step step, String expected, ContractNegotiation negotiation, String address) {
        Result<NegotiationChange> result = step.apply().apply(negotiation);
        switch (expected) {
            case "CONFLICT" -> {
                assertThat(result).isInstanceOf(Result.Failure.class);
                Result.Failure<NegotiationChange> failure = (Result.Failure<NegotiationChange>) result;
                assertThat(failure.kind()).as(failure.reason()).isEqualTo(Result.Kind.CONFLICT);
                assertThat(failure.reason())
                        .contains("in state " + negotiation.state())
                        .contains(step.message());
            }
            case "INVALID" -> {
                assertThat(result).isInstanceOf(Result.Failure.class);
                assertThat(((Result.Failure<NegotiationChange>) result).kind()).isEqualTo(Result.Kind.INVALID);
            }
            case "UNCHANGED" -> {
                NegotiationChange change = result.orElseThrow();
                assertThat(change.isUnchanged()).isTrue();
                assertThat(change.negotiation()).isEqualTo(negotiation);
                assertThat(change.outgoingMessage()).isEmpty();
            }
            default -> {
                NegotiationChange change = result.orElseThrow();
                boolean silent = expected.endsWith("(sends nothing)");
                NegotiationState to = NegotiationState.valueOf(expected.split(" ")[0]);
                ContractNegotiation next = change.negotiation();
                assertThat(next.state()).isEqualTo(to);
                assertThat(change.from()).isEqualTo(negotiation.state());
                assertThat(change.isUnchanged()).isFalse();
                assertThat(next.transitions()).hasSize(negotiation.transitions().size() + 1);
                assertThat(next.version()).isEqualTo(negotiation.version());
                assertThat(next.updatedAt()).isEqualTo(LATER);
                NegotiationTransition last = next.lastTransition();
                assertThat(last.from()).isEqualTo(negotiation.state());
                assertThat(last.to()).isEqualTo(to);
                if (step.sends() == null) {
                    assertThat(change.outgoingMessage()).isEmpty();
                    assertThat(last.direction()).isEqualTo(Direction.RECEIVED);
                    assertThat(last.actor()).isEqualTo(negotiation.counterPartyId());
                } else if (silent) {
                    assertThat(change.outgoingMessage()).isEmpty();
                } else {
                    assertThat(last.direction()).isEqualTo(Direction.SENT);
                    assertThat(change.outgoing().target()).isEqualTo(address.replaceAll("/+$", "") + step.sends());
                    String type = change.outgoing().message().type();
                    assertThat(step.message()).startsWith(type);
                }
            }
        }
    }
}
