package io.trustspace.contract.transfer;

import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.TransferCompletionMessage;
import io.trustspace.contract.message.TransferProcessResponse;
import io.trustspace.contract.message.TransferRequestMessage;
import io.trustspace.contract.message.TransferStartMessage;
import io.trustspace.contract.message.TransferSuspensionMessage;
import io.trustspace.contract.message.TransferTerminationMessage;
import java.time.Instant;
import java.util.List;

/** Transfer processes in every state, reached through the aggregate's own legal steps, for both roles. */
public final class TransferFixtures {

    public static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    public static final String PROVIDER = "did:web:provider.example";
    public static final String CONSUMER = "did:web:consumer.example";
    public static final String PROVIDER_ADDRESS = "https://provider.example/api/dsp/2025-1";
    public static final String CONSUMER_ADDRESS = "https://consumer.example/api/dsp/2025-1";
    public static final String AGREEMENT = "ATP0101";
    public static final String FORMAT = "HttpData-PULL";
    public static final DataAddress PULL_ADDRESS =
            DataAddress.of("https://w3id.org/idsa/v4.1/HTTP", "http://provider.example/data");

    private TransferFixtures() {}

    public static TransferRequestMessage request(String consumerPid) {
        return new TransferRequestMessage(consumerPid, AGREEMENT, FORMAT, CONSUMER_ADDRESS, null);
    }

    /** Provider side; providerPid = pid, consumerPid = "consumer-" + pid. SUSPENDED was suspended by the provider. */
    public static TransferProcess provider(String pid, TransferState state) {
        TransferProcess requested = TransferProcess.requested(pid, request("consumer-" + pid), CONSUMER, NOW)
                .orElseThrow()
                .transfer();
        return switch (state) {
            case INITIAL -> throw new IllegalArgumentException("a provider is never INITIAL");
            case REQUESTED -> requested;
            case STARTED -> requested.start(PULL_ADDRESS, NOW).orElseThrow().transfer();
            case SUSPENDED ->
                provider(pid, TransferState.STARTED)
                        .suspend("pause", List.of(), NOW)
                        .orElseThrow()
                        .transfer();
            case COMPLETED ->
                provider(pid, TransferState.STARTED).complete(NOW).orElseThrow().transfer();
            case TERMINATED ->
                requested.terminate("stop", List.of(), NOW).orElseThrow().transfer();
        };
    }

    /** Consumer side; consumerPid = pid, providerPid = "provider-" + pid (known from REQUESTED on). */
    public static TransferProcess consumer(String pid, TransferState state) {
        String providerPid = "provider-" + pid;
        TransferProcess initial = TransferProcess.initiate(
                        pid, PROVIDER, PROVIDER_ADDRESS, AGREEMENT, FORMAT, null, NOW)
                .transfer();
        return switch (state) {
            case INITIAL -> initial;
            case REQUESTED ->
                initial.request(CONSUMER_ADDRESS, NOW)
                        .orElseThrow()
                        .transfer()
                        .onRequestReply(new TransferProcessResponse(providerPid, pid, "REQUESTED"), NOW)
                        .orElseThrow()
                        .transfer();
            case STARTED ->
                consumer(pid, TransferState.REQUESTED)
                        .onStart(new TransferStartMessage(providerPid, pid, PULL_ADDRESS), NOW)
                        .orElseThrow()
                        .transfer();
            case SUSPENDED ->
                consumer(pid, TransferState.STARTED)
                        .onSuspension(new TransferSuspensionMessage(providerPid, pid, "pause", List.of()), NOW)
                        .orElseThrow()
                        .transfer();
            case COMPLETED ->
                consumer(pid, TransferState.STARTED)
                        .onCompletion(new TransferCompletionMessage(providerPid, pid), NOW)
                        .orElseThrow()
                        .transfer();
            case TERMINATED ->
                consumer(pid, TransferState.REQUESTED)
                        .onTermination(new TransferTerminationMessage(providerPid, pid, "stop", List.of()), NOW)
                        .orElseThrow()
                        .transfer();
        };
    }
}
