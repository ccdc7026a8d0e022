package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trustspace.app.catalog.Asset;
import io.trustspace.app.catalog.AssetStore;
import io.trustspace.app.testing.TestNode;
import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.LocalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider agrees to a permitted request in the request's own transaction, and the agreement reaches a consumer
 * that is not TrustSpace only once our answer to its request is complete on the wire — the order Eclipse EDC
 * needs (it answers 409 to an agreement that overtakes the reply to its request).
 *
 * <p>The consumer here is a raw socket that sends the request and reads nothing, plus an HTTP server at its callback
 * address: when the agreement arrives, the whole 201 answer must already be waiting in the socket.
 */
class ReplyFirstIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    @TempDir
    static Path dir;

    private static TestNode provider;
    private static HttpServer callback;
    private static volatile Socket consumer;
    private static final CompletableFuture<String> answerAtAgreement = new CompletableFuture<>();
    private static final CompletableFuture<String> agreementPath = new CompletableFuture<>();

    @BeforeAll
    static void start() throws IOException {
        provider = TestNode.start("reply-first", "intl", Map.of("trustspace.dsp.interop-participant", "urn:consumer"));
        Path data = Files.writeString(dir.resolve("data.json"), "{\"hello\":\"world\"}");
        ArrayNode offers = JSON.createArrayNode();
        ObjectNode offer = offers.addObject().put("@id", "reply-first:offer:1").put("@type", "Offer");
        offer.putArray("permission").addObject().put("action", "use");
        provider.bean(AssetStore.class)
                .put(Asset.listedWithoutReview(
                        "reply-first",
                        LocalizedText.of("reply first", "reply first"),
                        DataAddress.of("File", data.toString()),
                        offers,
                        Instant.now()));
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().endsWith("/agreement")) {
                    // What the consumer's socket holds at this moment, without waiting for more.
                    answerAtAgreement.complete(waiting(consumer));
                    agreementPath.complete(exchange.getRequestURI().getPath());
                }
                exchange.getRequestBody().readAllBytes();
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

    @Test
    void anAgreementTakenInTheRequestsTransaction_followsTheCompleteAnswer() throws Exception {
        String consumerPid = "urn:uuid:" + UUID.randomUUID();
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

        String seen = answerAtAgreement.get(30, TimeUnit.SECONDS);
        assertThat(agreementPath.get()).isEqualTo("/dsp/negotiations/" + consumerPid + "/agreement");
        assertThat(seen).startsWith("HTTP/1.1 201");
        Matcher length = CONTENT_LENGTH.matcher(seen);
        assertThat(length.find())
                .as("the answer has a Content-Length: %s", seen)
                .isTrue();
        String answerBody = seen.substring(seen.indexOf("\r\n\r\n") + 4);
        assertThat(answerBody.getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(length.group(1)));
        assertThat(JSON.readTree(answerBody).path("state").asString()).isEqualTo("REQUESTED");
    }

    /** The bytes already received on {@code socket}, read without blocking for more than a moment. */
    private static String waiting(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] bytes = in.readNBytes(in.available());
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }
}
