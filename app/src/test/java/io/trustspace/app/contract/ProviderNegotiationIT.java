package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trustspace.app.testing.TestAssets;
import io.trustspace.app.testing.TestNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider (interoperability profile) negotiating with a consumer that is not TrustSpace: a raw socket or HTTP
 * client for its requests, and an HTTP server at its callback address.
 */
class ProviderNegotiationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_KEY = "provider-negotiation-it-admin-key";
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    @TempDir
    static Path dir;

    private static TestNode provider;
    private static HttpServer callback;
    private static volatile Socket consumer;
    /** Per consumerPid: the agreement message that arrived, and what the raw consumer socket held at that moment. */
    private static final Map<String, CompletableFuture<Arrival>> agreements = new ConcurrentHashMap<>();

    private record Arrival(JsonNode message, String answerSoFar) {}

    @BeforeAll
    static void start() throws IOException {
        provider = TestNode.start(
                "reply-first",
                "intl",
                Map.of(
                        "trustspace.dsp.interop-participant",
                        "urn:consumer",
                        "trustspace.security.api-keys[0].name",
                        "admin",
                        "trustspace.security.api-keys[0].sha256",
                        java.util.HexFormat.of().formatHex(io.trustspace.app.security.ApiKeyFilter.sha256(ADMIN_KEY)),
                        "trustspace.security.api-keys[0].roles",
                        "participant-admin"));
        Path data = Files.writeString(dir.resolve("data.json"), "{\"hello\":\"world\"}");
        TestAssets.openFile(provider, "reply-first", data);
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/dsp/negotiations/") && path.endsWith("/agreement")) {
                    // What the consumer's socket holds at this moment, without waiting for more.
                    String answerSoFar = waiting(consumer);
                    String consumerPid =
                            path.substring("/dsp/negotiations/".length(), path.length() - "/agreement".length());
                    agreements
                            .computeIfAbsent(consumerPid, pid -> new CompletableFuture<>())
                            .complete(new Arrival(
                                    JSON.readTree(exchange.getRequestBody().readAllBytes()), answerSoFar));
                } else {
                    exchange.getRequestBody().readAllBytes();
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        callback.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (consumer != null) {
            consumer.close();
        }
        callback.stop(0);
        provider.close();
    }

    /**
     * The provider agrees to a permitted request in the request's own transaction, and the agreement reaches the
     * consumer only once our answer to its request is complete on the wire — the order Eclipse EDC needs (it answers
     * 409 to an agreement that overtakes the reply to its request). The request goes over a raw socket that reads
     * nothing: when the agreement arrives, the whole 201 answer must already be waiting in it.
     */
    @Test
    void anAgreementTakenInTheRequestsTransaction_followsTheCompleteAnswer() throws Exception {
        String consumerPid = "urn:uuid:" + UUID.randomUUID();
        ObjectNode request = request(consumerPid);
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        int port = Integer.parseInt(provider.baseUrl().replaceAll(".*:", ""));

        consumer = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = consumer.getOutputStream();
        out.write(("POST /dsp/2025-1/negotiations/request HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAuthorization: {\"clientId\":\"urn:consumer\"}\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();

        String seen = arrival(consumerPid).answerSoFar();
        assertThat(seen).startsWith("HTTP/1.1 201");
        Matcher length = CONTENT_LENGTH.matcher(seen);
        assertThat(length.find())
                .as("the answer has a Content-Length: %s", seen)
                .isTrue();
        String answerBody = seen.substring(seen.indexOf("\r\n\r\n") + 4);
        assertThat(answerBody.getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(length.group(1)));
        assertThat(JSON.readTree(answerBody).path("state").asString()).isEqualTo("REQUESTED");
    }

    /**
     * The agreement carries the provider's signature (an extension property other connectors ignore); a
     * verification whose counter-signature is not the consumer's is refused with a DSP error and changes nothing,
     * and one without a counter-signature (what other connectors send) is accepted.
     */
    @Test
    void theAgreementIsSigned_andAForgedCounterSignature_isRefused() throws Exception {
        String consumerPid = "urn:uuid:" + UUID.randomUUID();
        HttpResponse<String> requested = post("/dsp/2025-1/negotiations/request", request(consumerPid));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        JsonNode agreement = arrival(consumerPid).message();
        String providerPid = agreement.path("providerPid").asString();
        String signature = agreement
                .path(io.trustspace.contract.message.DspCodec.AGREEMENT_SIGNATURE)
                .asString();
        assertThat(signature).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");

        ObjectNode forged = JSON.createObjectNode();
        forged.putArray("@context").add("https://w3id.org/dspace/2025/1/context.jsonld");
        forged.put("@type", "ContractAgreementVerificationMessage")
                .put("providerPid", providerPid)
                .put("consumerPid", consumerPid)
                // The provider's own signature is a valid JWS over these very terms, but not the consumer's.
                .put(io.trustspace.contract.message.DspCodec.AGREEMENT_SIGNATURE, signature);
        String verification = "/dsp/2025-1/negotiations/" + providerPid + "/agreement/verification";
        HttpResponse<String> refused = post(verification, forged);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("@type").asString()).isEqualTo("ContractNegotiationError");
        assertThat(JSON.readTree(refused.body()).path("reason").toString()).contains("urn:consumer");
        assertThat(provider.bean(Negotiations.class)
                        .find(providerPid)
                        .orElseThrow()
                        .state())
                .isEqualTo(io.trustspace.contract.negotiation.NegotiationState.AGREED);

        forged.remove(io.trustspace.contract.message.DspCodec.AGREEMENT_SIGNATURE);
        HttpResponse<String> accepted = post(verification, forged);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(provider.bean(Negotiations.class)
                        .find(providerPid)
                        .orElseThrow()
                        .providerSignature())
                .isEqualTo(signature);
    }

    /**
     * A request the provider agrees to at once is one transaction, so it is one evidence record: typed by where the
     * transaction left the negotiation (agreed, with the provider's signature), holding the request it received as
     * its earlier step. The verification that finalizes it is one more. Two records, not four, each in its chain.
     */
    @Test
    void stepsTakenInOneTransaction_areOneEvidenceRecord() throws Exception {
        String consumerPid = "urn:uuid:" + UUID.randomUUID();
        HttpResponse<String> requested = post("/dsp/2025-1/negotiations/request", request(consumerPid));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String providerPid = arrival(consumerPid).message().path("providerPid").asString();
        ObjectNode verification = JSON.createObjectNode();
        verification.putArray("@context").add("https://w3id.org/dspace/2025/1/context.jsonld");
        verification
                .put("@type", "ContractAgreementVerificationMessage")
                .put("providerPid", providerPid)
                .put("consumerPid", consumerPid);
        HttpResponse<String> verified =
                post("/dsp/2025-1/negotiations/" + providerPid + "/agreement/verification", verification);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);

        java.util.List<String[]> records = new java.util.ArrayList<>();
        try (java.sql.Connection connection =
                        provider.bean(javax.sql.DataSource.class).getConnection();
                java.sql.PreparedStatement select = connection.prepareStatement("SELECT record_id, type, payload"
                        + " FROM evidence_outbox WHERE subjects[1] = ? ORDER BY seq")) {
            select.setString(1, providerPid);
            try (java.sql.ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    records.add(new String[] {
                        row.getString(1), row.getString(2), new String(row.getBytes(3), StandardCharsets.UTF_8)
                    });
                }
            }
        }
        assertThat(records).extracting(r -> r[1]).containsExactly("negotiation.agreed", "negotiation.finalized");

        JsonNode agreed = JSON.readTree(records.get(0)[2]);
        assertThat(agreed.path("event").asString()).isEqualTo("agreed");
        assertThat(agreed.path("from").asString()).isEqualTo("REQUESTED");
        assertThat(agreed.path("providerSignature").asString()).isNotEmpty();
        assertThat(agreed.path("steps")).hasSize(1);
        assertThat(agreed.path("steps").get(0).path("event").asString()).isEqualTo("requested");
        assertThat(agreed.path("steps").get(0).path("message").asString()).isEqualTo("ContractRequestMessage");
        assertThat(agreed.path("steps").get(0).path("state").asString()).isEqualTo("REQUESTED");

        JsonNode finalized = JSON.readTree(records.get(1)[2]);
        assertThat(finalized.path("state").asString()).isEqualTo("FINALIZED");
        assertThat(finalized.path("steps"))
                .extracting(step -> step.path("event").asString())
                .containsExactly("verified");

        // The kept payload is the one the signed record commits to: the evidence API checks it against the digest.
        HttpResponse<String> kept =
                provider.send(HttpRequest.newBuilder(URI.create(provider.url("/api/v1/evidence/" + records.get(1)[0])))
                        .header("X-Api-Key", ADMIN_KEY));
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(kept.body());
        assertThat(view.path("payloadVerified").asBoolean()).isTrue();
        assertThat(view.path("record").path("previous").asString()).isEqualTo(records.get(0)[0]);
    }

    private static ObjectNode request(String consumerPid) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("@context").add("https://w3id.org/dspace/2025/1/context.jsonld");
        request.put("@type", "ContractRequestMessage")
                .put("consumerPid", consumerPid)
                .put(
                        "callbackAddress",
                        "http://127.0.0.1:" + callback.getAddress().getPort() + "/dsp");
        ObjectNode offer = request.putObject("offer")
                .put("@id", "reply-first:offer:1")
                .put("@type", "Offer")
                .put("target", "reply-first");
        offer.putArray("permission").addObject().put("action", "use");
        return request;
    }

    private static Arrival arrival(String consumerPid) throws Exception {
        return agreements
                .computeIfAbsent(consumerPid, pid -> new CompletableFuture<>())
                .get(30, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> post(String path, JsonNode body) {
        return provider.send(HttpRequest.newBuilder(URI.create(provider.url(path)))
                .header("Authorization", "{\"clientId\":\"urn:consumer\"}")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The bytes already received on {@code socket}, read without blocking for more than a moment. */
    private static String waiting(Socket socket) {
        if (socket == null) {
            return "";
        }
        try {
            InputStream in = socket.getInputStream();
            byte[] bytes = in.readNBytes(in.available());
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }
}
