package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trustspace.app.testing.TestAssets;
import io.trustspace.app.testing.TestNode;
import io.trustspace.contract.negotiation.NegotiationState;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * HttpData-PUSH from a provider to a receiving service over real HTTP: a destination that is down for a while gets
 * the data once it is back (one use counted), a destination that refuses the data ends the transfer at once, and one
 * that stays down ends it after the last attempt with every failure as the reason.
 */
class PushDeliveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTEXT = "https://w3id.org/dspace/2025/1/context.jsonld";
    private static final int SIZE = 300_000;

    @TempDir
    static Path dir;

    private static TestNode provider;
    private static HttpServer sink;
    private static HttpServer callback;
    /** The statuses the destination answers, in order; 200 once used up. */
    private static final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    /** The Retry-After the destination sends with an error, if any. */
    private static volatile String retryAfter;
    /** The size of every body the destination received, whatever it answered. */
    private static final List<Integer> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/inbox", exchange -> {
            try (exchange) {
                received.add(exchange.getRequestBody().readAllBytes().length);
                Integer status = script.poll();
                if (status != null && retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            }
        });
        sink.start();
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, -1);
            }
        });
        callback.start();
        provider = TestNode.start(
                "push",
                "intl",
                Map.of(
                        "trustspace.dsp.interop-participant",
                        "urn:consumer",
                        "trustspace.dsp.allowed-sinks",
                        "http://127.0.0.1:" + sink.getAddress().getPort()));
        Path data = Files.write(dir.resolve("data.bin"), new byte[SIZE]);
        TestAssets.openFile(provider, "push-data", data);
    }

    @AfterAll
    static void stop() {
        sink.stop(0);
        callback.stop(0);
        provider.close();
    }

    @BeforeEach
    void clear() {
        retryAfter = null;
        script.clear();
        received.clear();
    }

    @Test
    void aDestinationDownForAWhile_getsTheDataOnceItIsBack_andOneUseIsCounted() throws Exception {
        script.addAll(List.of(503, 502));
        String agreementId = agreement();

        TransferProcess done = push(agreementId);

        assertThat(done.state()).isEqualTo(TransferState.COMPLETED);
        assertThat(received).containsExactly(SIZE, SIZE, SIZE);
        assertThat(provider.bean(Agreements.class)
                        .find(agreementId)
                        .orElseThrow()
                        .uses())
                .isEqualTo(1);
    }

    @Test
    void aDestinationRefusingTheData_endsTheTransferAtOnce() throws Exception {
        script.add(400);

        TransferProcess done = push(agreement());

        assertThat(done.state()).isEqualTo(TransferState.TERMINATED);
        assertThat(received).hasSize(1);
        assertThat(String.join("; ", done.terminationReason())).contains("attempt 1: the destination answered 400");
    }

    @Test
    void aDestinationThatStaysDown_endsTheTransferAfterTheLastAttempt_withEveryFailure() throws Exception {
        for (int i = 0; i < PushDelivery.MAX_ATTEMPTS; i++) {
            script.add(503);
        }

        TransferProcess done = push(agreement());

        assertThat(done.state()).isEqualTo(TransferState.TERMINATED);
        assertThat(received).hasSize(PushDelivery.MAX_ATTEMPTS);
        assertThat(done.terminationReason())
                .hasSize(PushDelivery.MAX_ATTEMPTS)
                .allMatch(reason -> reason.endsWith("the destination answered 503"));
    }

    @Test
    void aTransferTheConsumerSuspendsWhileTheDestinationIsDown_isNotPushedAgain() throws Exception {
        script.add(503);
        retryAfter = "3";
        String providerPid = requestPush(agreement());
        await(() -> received.size() == 1);

        post(
                "/dsp/2025-1/transfers/" + providerPid + "/suspension",
                message("TransferSuspensionMessage")
                        .put("providerPid", providerPid)
                        .put(
                                "consumerPid",
                                provider.bean(Transfers.class)
                                        .find(providerPid)
                                        .orElseThrow()
                                        .consumerPid()),
                200);
        Thread.sleep(4_000); // past the pause the destination asked for

        assertThat(received).hasSize(1);
        assertThat(provider.bean(Transfers.class)
                        .find(providerPid)
                        .orElseThrow()
                        .state())
                .isEqualTo(TransferState.SUSPENDED);
    }

    @Test
    void pausesDouble_andARetryAfterIsHonouredUpToTheCap() {
        assertThat(PushDelivery.pause(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PushDelivery.pause(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(PushDelivery.pause(1, PushDelivery.retryAfter(java.util.Optional.of(" 7 "))))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(PushDelivery.pause(1, PushDelivery.retryAfter(java.util.Optional.of("86400"))))
                .isEqualTo(PushDelivery.MAX_PAUSE);
        assertThat(PushDelivery.retryAfter(java.util.Optional.of("Wed, 21 Oct 2026 07:28:00 GMT")))
                .isNull();
    }

    /** Negotiates the dataset as the interoperability consumer; the id of the finalized agreement. */
    private static String agreement() throws Exception {
        String consumerPid = "urn:uuid:" + UUID.randomUUID();
        ObjectNode request = message("ContractRequestMessage")
                .put("consumerPid", consumerPid)
                .put("callbackAddress", callbackAddress());
        ObjectNode offer = request.putObject("offer")
                .put("@id", "push-data:offer:1")
                .put("@type", "Offer")
                .put("target", "push-data");
        offer.putArray("permission").addObject().put("action", "use");
        JsonNode requested = post("/dsp/2025-1/negotiations/request", request, 201);
        String providerPid = requested.path("providerPid").asString();
        Negotiations negotiations = provider.bean(Negotiations.class);
        await(() -> negotiations.find(providerPid).orElseThrow().state() == NegotiationState.AGREED);
        post(
                "/dsp/2025-1/negotiations/" + providerPid + "/agreement/verification",
                message("ContractAgreementVerificationMessage")
                        .put("providerPid", providerPid)
                        .put("consumerPid", consumerPid),
                200);
        await(() -> negotiations.find(providerPid).orElseThrow().state() == NegotiationState.FINALIZED);
        return negotiations.find(providerPid).orElseThrow().agreement().id();
    }

    /** Requests a push of the agreement's data to the sink; the transfer once it ended. */
    private static TransferProcess push(String agreementId) throws Exception {
        String providerPid = requestPush(agreementId);
        Transfers transfers = provider.bean(Transfers.class);
        await(() -> transfers.find(providerPid).orElseThrow().state().isFinal());
        return transfers.find(providerPid).orElseThrow();
    }

    /** Requests a push of the agreement's data to the sink; the provider's pid of the transfer. */
    private static String requestPush(String agreementId) {
        ObjectNode request = message("TransferRequestMessage")
                .put("consumerPid", "urn:uuid:" + UUID.randomUUID())
                .put("agreementId", agreementId)
                .put("format", "HttpData-PUSH")
                .put("callbackAddress", callbackAddress());
        ObjectNode address = request.putObject("dataAddress")
                .put("@type", "DataAddress")
                .put("endpointType", DataPlane.HTTP_ENDPOINT_TYPE)
                .put("endpoint", "http://127.0.0.1:" + sink.getAddress().getPort() + "/inbox");
        address.putArray("endpointProperties")
                .addObject()
                .put("@type", "EndpointProperty")
                .put("name", DataPlane.PURPOSE_PROPERTY)
                .put("value", "research");
        return post("/dsp/2025-1/transfers/request", request, 201)
                .path("providerPid")
                .asString();
    }

    private static ObjectNode message(String type) {
        ObjectNode message = JSON.createObjectNode();
        message.putArray("@context").add(CONTEXT);
        return message.put("@type", type);
    }

    private static String callbackAddress() {
        return "http://127.0.0.1:" + callback.getAddress().getPort() + "/dsp";
    }

    private static JsonNode post(String path, JsonNode body, int expected) {
        HttpResponse<String> response = provider.send(HttpRequest.newBuilder(URI.create(provider.url(path)))
                .header("Authorization", "{\"clientId\":\"urn:consumer\"}")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Bounded: the longest wait is the pauses between all attempts plus the pushes themselves. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
