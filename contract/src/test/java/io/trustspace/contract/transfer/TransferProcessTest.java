package io.trustspace.contract.transfer;

import static io.trustspace.contract.transfer.TransferFixtures.CONSUMER;
import static io.trustspace.contract.transfer.TransferFixtures.NOW;
import static io.trustspace.contract.transfer.TransferFixtures.PROVIDER;
import static io.trustspace.contract.transfer.TransferFixtures.PULL_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.OutgoingMessage;
import io.trustspace.contract.message.TransferCompletionMessage;
import io.trustspace.contract.message.TransferProcessResponse;
import io.trustspace.contract.message.TransferRequestMessage;
import io.trustspace.contract.message.TransferStartMessage;
import io.trustspace.contract.message.TransferSuspensionMessage;
import io.trustspace.contract.message.TransferTerminationMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferProcessTest {

    private static Result.Kind kind(Result<?> result) {
        assertThat(result.isOk()).as("expected a failure: %s", result).isFalse();
        return ((Result.Failure<?>) result).kind();
    }

    private static TransferProcess sentRequest() {
        return TransferFixtures.consumer("c", TransferState.INITIAL)
                .request(TransferFixtures.CONSUMER_ADDRESS, NOW)
                .orElseThrow()
                .transfer();
    }

    @Test
    void aRefusedRequest_endsTheConsumerTransferHere_withoutAMessage_onlyWhileUnanswered() {
        TransferChange refused =
                sentRequest().requestRefused("no such agreement", NOW).orElseThrow();

        assertThat(refused.transfer().state()).isEqualTo(TransferState.TERMINATED);
        assertThat(refused.outgoingMessage()).isEmpty();
        assertThat(kind(TransferFixtures.consumer("c", TransferState.STARTED).requestRefused("x", NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(kind(TransferFixtures.provider("p", TransferState.REQUESTED).requestRefused("x", NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void startBeforeTheRequestReply_isAccepted_andTeachesTheProviderPid() {
        TransferProcess started = sentRequest()
                .receive(new TransferStartMessage("tck-p", "c", PULL_ADDRESS), PROVIDER, NOW)
                .orElseThrow()
                .transfer();
        assertThat(started.state()).isEqualTo(TransferState.STARTED);
        assertThat(started.providerPid()).isEqualTo("tck-p");
        assertThat(started.dataAddress()).isEqualTo(PULL_ADDRESS);
        assertThat(started.onRequestReply(new TransferProcessResponse("tck-p", "c", "REQUESTED"), NOW)
                        .orElseThrow()
                        .isUnchanged())
                .isTrue();
        assertThat(kind(started.onRequestReply(new TransferProcessResponse("x", "c", "REQUESTED"), NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void reply_learnsThePid_thenOtherPidsAreInvalid() {
        TransferChange learned = sentRequest()
                .onRequestReply(new TransferProcessResponse("p", "c", "REQUESTED"), NOW)
                .orElseThrow();
        assertThat(learned.event()).isEqualTo(TransferEvent.PROVIDER_PID_LEARNED);
        assertThat(kind(learned.transfer().onStart(new TransferStartMessage("q", "c", null), NOW)))
                .isEqualTo(Result.Kind.INVALID);
        assertThat(kind(learned.transfer().onStart(new TransferStartMessage("p", "d", null), NOW)))
                .isEqualTo(Result.Kind.INVALID);
    }

    @Test
    void consumerCannotTerminateBeforeItKnowsTheProviderPid() {
        assertThat(kind(sentRequest().terminate("x", List.of(), NOW))).isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void aRepeatedStartWithAnotherAddress_isAConflict() {
        TransferProcess started = TransferFixtures.consumer("c", TransferState.STARTED);
        DataAddress other = DataAddress.of("https://w3id.org/idsa/v4.1/HTTP", "http://elsewhere.example");
        assertThat(kind(started.onStart(new TransferStartMessage("provider-c", "c", other), NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(started.onStart(new TransferStartMessage("provider-c", "c", null), NOW)
                        .orElseThrow()
                        .isUnchanged())
                .isTrue();
    }

    @Test
    void aDifferentRequestForAnExistingTransfer_isAConflict() {
        TransferProcess requested = TransferFixtures.provider("p", TransferState.REQUESTED);
        TransferRequestMessage other =
                new TransferRequestMessage("consumer-p", "ATP0102", "HttpData-PULL", "http://x:1", null);
        assertThat(kind(requested.onRequest(other, NOW))).isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void messagesFromSomeoneElse_areForbidden() {
        TransferProcess started = TransferFixtures.provider("p", TransferState.STARTED);
        DspMessage completion = new TransferCompletionMessage("p", "consumer-p");
        assertThat(kind(started.receive(completion, "did:web:mallory.example", NOW)))
                .isEqualTo(Result.Kind.FORBIDDEN);
        assertThat(started.receive(completion, CONSUMER, NOW).isOk()).isTrue();
    }

    @Test
    void push_keepsTheConsumersSink_andProviderStartsWithoutAddress() {
        DataAddress sink = DataAddress.of("https://w3id.org/idsa/v4.1/HTTP", "https://consumer.example/sink");
        TransferProcess requested = TransferProcess.requested(
                        "p",
                        new TransferRequestMessage(
                                "c", "ATP0101", "HttpData-PUSH", "https://consumer.example/dsp", sink),
                        CONSUMER,
                        NOW)
                .orElseThrow()
                .transfer();
        assertThat(requested.dataAddress()).isEqualTo(sink);
        TransferChange started = requested.start(null, NOW).orElseThrow();
        assertThat(started.transfer().dataAddress()).isEqualTo(sink);
        assertThat(((TransferStartMessage) started.outgoing().message()).dataAddress())
                .isNull();
    }

    @Test
    void toResponse_andEvidence() {
        TransferChange started = TransferFixtures.provider("p", TransferState.REQUESTED)
                .start(PULL_ADDRESS, NOW)
                .orElseThrow();
        assertThat(started.transfer().toResponse().orElseThrow())
                .isEqualTo(new TransferProcessResponse("p", "consumer-p", "STARTED"));
        assertThat(started.evidenceType()).isEqualTo("transfer.started");
        assertThat(started.subjects()).containsExactly("p", "ATP0101");
        String payload = new String(started.evidencePayload(), StandardCharsets.UTF_8);
        assertThat(payload)
                .isEqualTo("{\"agreement\":\"ATP0101\",\"at\":\"2026-03-01T08:00:00Z\",\"consumerPid\":\"consumer-p\","
                        + "\"counterParty\":\"did:web:consumer.example\",\"event\":\"started\",\"format\":\"HttpData-PULL\","
                        + "\"from\":\"REQUESTED\",\"message\":\"TransferStartMessage\",\"providerPid\":\"p\","
                        + "\"role\":\"PROVIDER\",\"state\":\"STARTED\",\"transfer\":\"p\"}");
        assertThat(payload).doesNotContain("provider.example/data");
        assertThat(kind(TransferFixtures.consumer("c", TransferState.INITIAL).toResponse()))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    void toString_hidesTheDataAddress() {
        assertThat(TransferFixtures.consumer("c", TransferState.STARTED).toString())
                .doesNotContain("provider.example/data");
    }

    /** TP:01-04 / TP_C:01-04 between our own two sides: start, suspend, start, complete. */
    @Test
    void fullTransfer_betweenOurProviderAndOurConsumer_throughTheCodec() {
        TransferChange step = TransferFixtures.consumer("c", TransferState.INITIAL)
                .request(TransferFixtures.CONSUMER_ADDRESS, NOW)
                .orElseThrow();
        TransferProcess consumer = step.transfer();
        TransferProcess provider = TransferProcess.requested(
                        "p",
                        wire(
                                step.outgoing(),
                                TransferFixtures.PROVIDER_ADDRESS + "/transfers/request",
                                TransferRequestMessage.class),
                        CONSUMER,
                        NOW)
                .orElseThrow()
                .transfer();
        consumer = consumer.onRequestReply(provider.toResponse().orElseThrow(), NOW)
                .orElseThrow()
                .transfer();
        String consumerBase = TransferFixtures.CONSUMER_ADDRESS + "/transfers/c/";
        step = provider.start(PULL_ADDRESS, NOW).orElseThrow();
        provider = step.transfer();
        consumer = consumer.receive(
                        wire(step.outgoing(), consumerBase + "start", TransferStartMessage.class), PROVIDER, NOW)
                .orElseThrow()
                .transfer();
        step = provider.suspend("pause", List.of("maintenance"), NOW).orElseThrow();
        provider = step.transfer();
        consumer = consumer.receive(
                        wire(step.outgoing(), consumerBase + "suspension", TransferSuspensionMessage.class),
                        PROVIDER,
                        NOW)
                .orElseThrow()
                .transfer();
        step = provider.start(PULL_ADDRESS, NOW).orElseThrow();
        provider = step.transfer();
        consumer = consumer.receive(
                        wire(step.outgoing(), consumerBase + "start", TransferStartMessage.class), PROVIDER, NOW)
                .orElseThrow()
                .transfer();
        step = provider.complete(NOW).orElseThrow();
        provider = step.transfer();
        consumer = consumer.receive(
                        wire(step.outgoing(), consumerBase + "completion", TransferCompletionMessage.class),
                        PROVIDER,
                        NOW)
                .orElseThrow()
                .transfer();
        assertThat(provider.state()).isEqualTo(TransferState.COMPLETED);
        assertThat(consumer.state()).isEqualTo(TransferState.COMPLETED);
        assertThat(consumer.dataAddress()).isEqualTo(PULL_ADDRESS);
        // TP:03-06: nothing leaves COMPLETED; the answer is a conflict, not "not found".
        assertThat(kind(provider.receive(new TransferTerminationMessage("p", "c", "late", List.of()), CONSUMER, NOW)))
                .isEqualTo(Result.Kind.CONFLICT);
    }

    private static <T extends DspMessage> T wire(OutgoingMessage outgoing, String target, Class<T> type) {
        assertThat(outgoing.target()).isEqualTo(target);
        return DspCodec.read(DspCodec.write(outgoing.message()), type).orElseThrow();
    }
}
