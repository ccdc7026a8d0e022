package io.trustspace.contract.transfer;

import static io.trustspace.contract.transfer.TransferFixtures.NOW;
import static io.trustspace.contract.transfer.TransferFixtures.PULL_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.contract.message.Direction;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.TransferCompletionMessage;
import io.trustspace.contract.message.TransferStartMessage;
import io.trustspace.contract.message.TransferSuspensionMessage;
import io.trustspace.contract.message.TransferTerminationMessage;
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
 * DSP 2025-1 and the TCK (e.g. TP:03-03: no completion from SUSPENDED). Anything not listed is a CONFLICT naming
 * the state and the message; steps a role never takes are INVALID. Fixture names say who caused the state
 * ({@code _BY_US} / {@code _BY_THEM}), since only a repeat of a received message is a harmless duplicate.
 */
class TransferStateMachineTest {

    private static final String PID = "p-1";
    private static final String CPID = "consumer-p-1";
    private static final String C_PID = "c-1";
    private static final String C_PROVIDER_PID = "provider-c-1";
    private static final Instant LATER = NOW.plusSeconds(60);

    record Step(String name, String message, String sends, Function<TransferProcess, Result<TransferChange>> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Step received(String name, String message, DspMessage dsp) {
        return new Step(name, message, null, t -> t.receive(dsp, t.counterPartyId(), LATER));
    }

    private static final Map<String, TransferProcess> PROVIDER_STATES = new LinkedHashMap<>();
    private static final Map<String, TransferProcess> CONSUMER_STATES = new LinkedHashMap<>();

    static {
        PROVIDER_STATES.put("REQUESTED", TransferFixtures.provider(PID, TransferState.REQUESTED));
        TransferProcess started = TransferFixtures.provider(PID, TransferState.STARTED);
        PROVIDER_STATES.put("STARTED", started);
        PROVIDER_STATES.put("SUSPENDED_BY_US", TransferFixtures.provider(PID, TransferState.SUSPENDED));
        TransferProcess suspendedByThem = started.onSuspension(
                        new TransferSuspensionMessage(PID, CPID, "pause", List.of()), NOW)
                .orElseThrow()
                .transfer();
        PROVIDER_STATES.put("SUSPENDED_BY_THEM", suspendedByThem);
        PROVIDER_STATES.put(
                "RESUMED_BY_THEM",
                suspendedByThem
                        .onStart(new TransferStartMessage(PID, CPID, null), NOW)
                        .orElseThrow()
                        .transfer());
        PROVIDER_STATES.put(
                "COMPLETED_BY_THEM",
                started.onCompletion(new TransferCompletionMessage(PID, CPID), NOW)
                        .orElseThrow()
                        .transfer());
        PROVIDER_STATES.put("COMPLETED_BY_US", TransferFixtures.provider(PID, TransferState.COMPLETED));
        PROVIDER_STATES.put("TERMINATED", TransferFixtures.provider(PID, TransferState.TERMINATED));

        CONSUMER_STATES.put("INITIAL", TransferFixtures.consumer(C_PID, TransferState.INITIAL));
        CONSUMER_STATES.put("REQUESTED", TransferFixtures.consumer(C_PID, TransferState.REQUESTED));
        TransferProcess consumerStarted = TransferFixtures.consumer(C_PID, TransferState.STARTED);
        CONSUMER_STATES.put("STARTED", consumerStarted);
        CONSUMER_STATES.put("SUSPENDED_BY_THEM", TransferFixtures.consumer(C_PID, TransferState.SUSPENDED));
        TransferProcess suspendedByUs =
                consumerStarted.suspend("pause", List.of(), NOW).orElseThrow().transfer();
        CONSUMER_STATES.put("SUSPENDED_BY_US", suspendedByUs);
        CONSUMER_STATES.put(
                "RESUMED_BY_US", suspendedByUs.start(null, NOW).orElseThrow().transfer());
        CONSUMER_STATES.put("COMPLETED_BY_THEM", TransferFixtures.consumer(C_PID, TransferState.COMPLETED));
        CONSUMER_STATES.put("TERMINATED", TransferFixtures.consumer(C_PID, TransferState.TERMINATED));
    }

    private static final List<Step> PROVIDER_STEPS = List.of(
            received("request again", "TransferRequestMessage", TransferFixtures.request(CPID)),
            received("start (resume)", "TransferStartMessage", new TransferStartMessage(PID, CPID, null)),
            received(
                    "start with dataAddress (wrong way)",
                    "TransferStartMessage",
                    new TransferStartMessage(PID, CPID, PULL_ADDRESS)),
            received(
                    "suspension",
                    "TransferSuspensionMessage",
                    new TransferSuspensionMessage(PID, CPID, "pause", List.of())),
            received("completion", "TransferCompletionMessage", new TransferCompletionMessage(PID, CPID)),
            received(
                    "termination",
                    "TransferTerminationMessage",
                    new TransferTerminationMessage(PID, CPID, "stop", List.of())),
            new Step(
                    "start",
                    "TransferStartMessage",
                    "/transfers/" + CPID + "/start",
                    t -> t.start(PULL_ADDRESS, LATER)),
            new Step(
                    "suspend",
                    "TransferSuspensionMessage",
                    "/transfers/" + CPID + "/suspension",
                    t -> t.suspend("s", List.of(), LATER)),
            new Step(
                    "complete",
                    "TransferCompletionMessage",
                    "/transfers/" + CPID + "/completion",
                    t -> t.complete(LATER)),
            new Step(
                    "terminate",
                    "TransferTerminationMessage",
                    "/transfers/" + CPID + "/termination",
                    t -> t.terminate("t", List.of(), LATER)),
            new Step("request (wrong way)", "TransferRequestMessage", null, t -> t.request("http://x:1", LATER)));

    private static final Map<String, String> PROVIDER_TABLE = table(
            "REQUESTED         | request again  | UNCHANGED",
            // A retried request is answered with the current state, whatever happened since.
            "STARTED           | request again  | UNCHANGED",
            "SUSPENDED_BY_US   | request again  | UNCHANGED",
            "SUSPENDED_BY_THEM | request again  | UNCHANGED",
            "RESUMED_BY_THEM   | request again  | UNCHANGED",
            "COMPLETED_BY_THEM | request again  | UNCHANGED",
            "COMPLETED_BY_US   | request again  | UNCHANGED",
            "TERMINATED        | request again  | UNCHANGED",
            // The consumer resumes only its own suspension: SUSPENDED_BY_US / start (resume) is a CONFLICT.
            "SUSPENDED_BY_THEM | start (resume) | STARTED",
            "RESUMED_BY_THEM   | start (resume) | UNCHANGED",
            "STARTED           | suspension     | SUSPENDED",
            "RESUMED_BY_THEM   | suspension     | SUSPENDED",
            "SUSPENDED_BY_THEM | suspension     | UNCHANGED",
            "STARTED           | completion     | COMPLETED",
            "RESUMED_BY_THEM   | completion     | COMPLETED",
            "COMPLETED_BY_THEM | completion     | UNCHANGED",
            "REQUESTED         | termination    | TERMINATED",
            "STARTED           | termination    | TERMINATED",
            "SUSPENDED_BY_US   | termination    | TERMINATED",
            "SUSPENDED_BY_THEM | termination    | TERMINATED",
            "RESUMED_BY_THEM   | termination    | TERMINATED",
            "TERMINATED        | termination    | UNCHANGED",
            "REQUESTED         | start          | STARTED",
            "SUSPENDED_BY_US   | start          | STARTED",
            "SUSPENDED_BY_THEM | start          | STARTED",
            "STARTED           | suspend        | SUSPENDED",
            "RESUMED_BY_THEM   | suspend        | SUSPENDED",
            "STARTED           | complete       | COMPLETED",
            "RESUMED_BY_THEM   | complete       | COMPLETED",
            "REQUESTED         | terminate      | TERMINATED",
            "STARTED           | terminate      | TERMINATED",
            "SUSPENDED_BY_US   | terminate      | TERMINATED",
            "SUSPENDED_BY_THEM | terminate      | TERMINATED",
            "RESUMED_BY_THEM   | terminate      | TERMINATED");

    private static final List<Step> CONSUMER_STEPS = List.of(
            received("start", "TransferStartMessage", new TransferStartMessage(C_PROVIDER_PID, C_PID, PULL_ADDRESS)),
            received(
                    "suspension",
                    "TransferSuspensionMessage",
                    new TransferSuspensionMessage(C_PROVIDER_PID, C_PID, "pause", List.of())),
            received("completion", "TransferCompletionMessage", new TransferCompletionMessage(C_PROVIDER_PID, C_PID)),
            received(
                    "termination",
                    "TransferTerminationMessage",
                    new TransferTerminationMessage(C_PROVIDER_PID, C_PID, "stop", List.of())),
            received("request (wrong way)", "TransferRequestMessage", TransferFixtures.request(C_PID)),
            new Step(
                    "request",
                    "TransferRequestMessage",
                    "/transfers/request",
                    t -> t.request(TransferFixtures.CONSUMER_ADDRESS, LATER)),
            new Step(
                    "start (resume)",
                    "TransferStartMessage",
                    "/transfers/" + C_PROVIDER_PID + "/start",
                    t -> t.start(null, LATER)),
            new Step(
                    "start with dataAddress (wrong way)",
                    "TransferStartMessage",
                    null,
                    t -> t.start(PULL_ADDRESS, LATER)),
            new Step(
                    "suspend",
                    "TransferSuspensionMessage",
                    "/transfers/" + C_PROVIDER_PID + "/suspension",
                    t -> t.suspend("s", List.of(), LATER)),
            new Step(
                    "complete",
                    "TransferCompletionMessage",
                    "/transfers/" + C_PROVIDER_PID + "/completion",
                    t -> t.complete(LATER)),
            new Step(
                    "terminate",
                    "TransferTerminationMessage",
                    "/transfers/" + C_PROVIDER_PID + "/termination",
                    t -> t.terminate("t", List.of(), LATER)));

    private static final Map<String, String> CONSUMER_TABLE = table(
            "INITIAL           | start          | STARTED",
            "REQUESTED         | start          | STARTED",
            "SUSPENDED_BY_THEM | start          | STARTED",
            "SUSPENDED_BY_US   | start          | STARTED",
            "STARTED           | start          | UNCHANGED",
            "STARTED           | suspension     | SUSPENDED",
            "RESUMED_BY_US     | suspension     | SUSPENDED",
            "SUSPENDED_BY_THEM | suspension     | UNCHANGED",
            "STARTED           | completion     | COMPLETED",
            "RESUMED_BY_US     | completion     | COMPLETED",
            "COMPLETED_BY_THEM | completion     | UNCHANGED",
            "INITIAL           | termination    | TERMINATED",
            "REQUESTED         | termination    | TERMINATED",
            "STARTED           | termination    | TERMINATED",
            "SUSPENDED_BY_THEM | termination    | TERMINATED",
            "SUSPENDED_BY_US   | termination    | TERMINATED",
            "RESUMED_BY_US     | termination    | TERMINATED",
            "TERMINATED        | termination    | UNCHANGED",
            "INITIAL           | request        | REQUESTED",
            // Nor may we resume the provider's suspension: SUSPENDED_BY_THEM / start (resume) is a CONFLICT.
            "SUSPENDED_BY_US   | start (resume) | STARTED",
            "STARTED           | suspend        | SUSPENDED",
            "RESUMED_BY_US     | suspend        | SUSPENDED",
            "STARTED           | complete       | COMPLETED",
            "RESUMED_BY_US     | complete       | COMPLETED",
            "INITIAL           | terminate      | TERMINATED (sends nothing)",
            "REQUESTED         | terminate      | TERMINATED",
            "STARTED           | terminate      | TERMINATED",
            "SUSPENDED_BY_THEM | terminate      | TERMINATED",
            "SUSPENDED_BY_US   | terminate      | TERMINATED",
            "RESUMED_BY_US     | terminate      | TERMINATED");

    private static Map<String, String> table(String... rows) {
        Map<String, String> table = new LinkedHashMap<>();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            if (table.put(cells[0].trim() + " / " + cells[1].trim(), cells[2].trim()) != null) {
                throw new IllegalArgumentException("duplicate row " + row);
            }
        }
        return table;
    }

    static Stream<Arguments> providerCases() {
        return cases(PROVIDER_STATES, PROVIDER_STEPS, PROVIDER_TABLE, TransferFixtures.CONSUMER_ADDRESS);
    }

    static Stream<Arguments> consumerCases() {
        return cases(CONSUMER_STATES, CONSUMER_STEPS, CONSUMER_TABLE, TransferFixtures.PROVIDER_ADDRESS);
    }

    private static Stream<Arguments> cases(
            Map<String, TransferProcess> states, List<Step> steps, Map<String, String> table, String address) {
        List<Arguments> cases = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Map.Entry<String, TransferProcess> state : states.entrySet()) {
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
    void provider(String name, Step step, String expected, TransferProcess transfer, String address) {
        check(step, expected, transfer, address);
    }

    @ParameterizedTest(name = "consumer {0} + {1} -> {2}")
    @MethodSource("consumerCases")
    void consumer(String name, Step step, String expected, TransferProcess transfer, String address) {
        check(step, expected, transfer, address);
    }

    private static void check(Step step, String expected, TransferProcess transfer, String address) {
        Result<TransferChange> result = step.apply().apply(transfer);
        switch (expected) {
            case "CONFLICT" -> {
                assertThat(result).isInstanceOf(Result.Failure.class);
                Result.Failure<TransferChange> failure = (Result.Failure<TransferChange>) result;
                assertThat(failure.kind()).as(failure.reason()).isEqualTo(Result.Kind.CONFLICT);
                assertThat(failure.reason())
                        .contains("in state " + transfer.state())
                        .contains(step.message());
            }
            case "INVALID" -> {
                assertThat(result).isInstanceOf(Result.Failure.class);
                assertThat(((Result.Failure<TransferChange>) result).kind()).isEqualTo(Result.Kind.INVALID);
            }
            case "UNCHANGED" -> {
                TransferChange change = result.orElseThrow();
                assertThat(change.isUnchanged()).isTrue();
                assertThat(change.transfer()).isEqualTo(transfer);
                assertThat(change.outgoingMessage()).isEmpty();
            }
            default -> {
                TransferChange change = result.orElseThrow();
                TransferState to = TransferState.valueOf(expected.split(" ")[0]);
                TransferProcess next = change.transfer();
                assertThat(next.state()).isEqualTo(to);
                assertThat(change.from()).isEqualTo(transfer.state());
                assertThat(next.transitions()).hasSize(transfer.transitions().size() + 1);
                assertThat(next.updatedAt()).isEqualTo(LATER);
                TransferTransition last = next.lastTransition();
                assertThat(last.from()).isEqualTo(transfer.state());
                assertThat(last.to()).isEqualTo(to);
                if (step.sends() == null) {
                    assertThat(change.outgoingMessage()).isEmpty();
                    assertThat(last.direction()).isEqualTo(Direction.RECEIVED);
                    assertThat(last.actor()).isEqualTo(transfer.counterPartyId());
                } else if (expected.endsWith("(sends nothing)")) {
                    assertThat(change.outgoingMessage()).isEmpty();
                } else {
                    assertThat(last.direction()).isEqualTo(Direction.SENT);
                    assertThat(change.outgoing().target()).isEqualTo(address + step.sends());
                    assertThat(change.outgoing().message().type()).isEqualTo(step.message());
                }
            }
        }
    }
}
