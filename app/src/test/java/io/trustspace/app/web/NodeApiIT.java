package io.trustspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.testing.TestNode;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.keys.PemKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP edge of a real node: problem documents for every kind of bad request, request ids, the public pages. */
class NodeApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("api", "intl", Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).startsWith("https://trustspace.io/problems/");
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("requestId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at io.", "at org.");
        return body;
    }

    private static HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(node.url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void unknownPath_is404Problem() {
        JsonNode body = problem(node.get("/nothing-here"), 404);
        assertThat(body.path("detail").asString()).contains("/nothing-here");
        assertThat(body.path("instance").asString()).isEqualTo("/nothing-here");
    }

    @Test
    void aPathTomcatRefusesBeforeAnyServlet_isStillAProblem_orADspErrorOnDspPaths() {
        for (String path : List.of("/api/%2Fx", "/api/a%00b", "/x%5c..%5cy")) {
            JsonNode body = problemWithoutRequestId(node.get(path), 400);
            assertThat(body.path("detail").asString()).contains("malformed");
        }
        HttpResponse<String> dsp = node.get("/dsp/2025-1/negotiations/%2F");
        assertThat(dsp.statusCode()).isEqualTo(400);
        assertThat(dsp.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(dsp.body()).path("@type").asString()).isEqualTo("ContractNegotiationError");
    }

    /** What Tomcat answers itself: no servlet ran, so no request id was assigned. */
    private static JsonNode problemWithoutRequestId(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).startsWith("https://trustspace.io/problems/");
        assertThat(response.body()).doesNotContain("<html", "Exception");
        return body;
    }

    @Test
    void managementApi_withoutCredentials_is401Problem_andAWrongKeyDoesNotHelp() {
        JsonNode body = problem(node.get("/api/v1/participants"), 401);
        assertThat(body.path("detail").asString()).contains("X-Api-Key");
        problem(
                node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/participants")))
                        .header("X-Api-Key", "not-a-key")),
                401);
        problem(
                node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/anything")))
                        .DELETE()),
                401);
    }

    @Test
    void wrongMethod_is405ProblemNamingTheAllowedOnes() {
        JsonNode body = problem(
                node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/node")))
                        .DELETE()),
                405);
        assertThat(body.path("detail").asString()).contains("DELETE").contains("GET");
    }

    @Test
    void wrongContentType_is415Problem() {
        JsonNode body = problem(node.send(post("/api/v1/crypto/verify", "text/plain", "hi")), 415);
        assertThat(body.path("detail").asString()).contains("text/plain").contains("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"publicKey\": }", "[1,2", "nul", "{\"publicKey\":\"a\",,}"})
    void malformedJson_is400ProblemSayingWhere(String body) {
        JsonNode problem = problem(node.send(post("/api/v1/crypto/verify", "application/json", body)), 400);
        assertThat(problem.path("detail").asString()).contains("JSON");
    }

    @Test
    void emptyBody_is400Problem() {
        problem(node.send(post("/api/v1/crypto/verify", "application/json", "")), 400);
    }

    @Test
    void wrongFieldType_is400ProblemNamingTheField() {
        JsonNode problem = problem(
                node.send(post("/api/v1/crypto/verify", "application/json", "{\"publicKey\": {\"a\": 1}}")), 400);
        assertThat(problem.path("detail").asString()).contains("publicKey");
    }

    @Test
    void unknownField_is400ProblemNamingTheField() {
        JsonNode problem =
                problem(node.send(post("/api/v1/crypto/verify", "application/json", "{\"surprise\": 1}")), 400);
        assertThat(problem.path("detail").asString()).contains("surprise");
    }

    @Test
    void missingFields_are400ProblemListingThem() {
        JsonNode problem = problem(node.send(post("/api/v1/crypto/verify", "application/json", "{}")), 400);
        assertThat(problem.path("detail").asString()).contains("publicKey", "message", "signature");
    }

    @Test
    void unreadableKey_is400ProblemNamingTheField() {
        String body = "{\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----\","
                + "\"message\":\"YWJj\",\"signature\":\"AAAA\"}";
        JsonNode problem = problem(node.send(post("/api/v1/crypto/verify", "application/json", body)), 400);
        assertThat(problem.path("detail").asString()).startsWith("publicKey:");
    }

    @Test
    void verify_answersValidAndInvalid() {
        CryptoSuite suite = CryptoSuites.of(SuiteId.INTL);
        KeyPair pair = suite.generateSigningKeyPair();
        byte[] message = "evidence".getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(suite.sign(pair.getPrivate(), message));
        String good = JSON.writeValueAsString(Map.of(
                "publicKey", PemKeys.writePublicKey(pair.getPublic()),
                "message", Base64.getEncoder().encodeToString(message),
                "signature", signature));
        String tampered = good.replace(Base64.getEncoder().encodeToString(message), "dGFtcGVyZWQ=");
        HttpResponse<String> valid = node.send(post("/api/v1/crypto/verify", "application/json", good));
        HttpResponse<String> invalid = node.send(post("/api/v1/crypto/verify", "application/json", tampered));
        assertThat(JSON.readTree(valid.body()).path("valid").asBoolean()).isTrue();
        assertThat(JSON.readTree(invalid.body()).path("valid").asBoolean()).isFalse();
    }

    @Test
    void requestId_isEchoedWhenWellFormedAndReplacedOtherwise() {
        HttpResponse<String> echoed = node.send(
                HttpRequest.newBuilder(URI.create(node.url("/api/v1/node"))).header("X-Request-Id", "abc-123"));
        assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        HttpResponse<String> replaced = node.send(HttpRequest.newBuilder(URI.create(node.url("/nope")))
                .header("X-Request-Id", "id with spaces;and=more"));
        String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).isNotEqualTo("id with spaces;and=more").matches("[0-9a-f-]{36}");
        assertThat(JSON.readTree(replaced.body()).path("requestId").asString()).isEqualTo(id);
    }

    @Test
    void nodeInfo_publishesTheActiveKeyAsJwk() {
        JsonNode info = JSON.readTree(node.get("/api/v1/node").body());
        assertThat(info.path("suite").asString()).isEqualTo("intl");
        assertThat(info.path("role").asString()).isEqualTo("connector");
        JsonNode key = info.path("signingKey");
        assertThat(key.path("algorithm").asString()).isEqualTo("ED25519");
        assertThat(key.path("jwk").path("kty").asString()).isEqualTo("OKP");
        assertThat(key.path("jwk").path("crv").asString()).isEqualTo("Ed25519");
        assertThat(key.path("jwk").has("d")).isFalse();
        assertThat(info.path("keys")).hasSize(1);
    }

    @Test
    void openApi_isVersion31_andListsTheEndpoints() {
        JsonNode api = JSON.readTree(node.get("/v3/api-docs").body());
        assertThat(api.path("openapi").asString()).startsWith("3.1");
        assertThat(api.path("paths").has("/api/v1/node")).isTrue();
        assertThat(api.path("paths").has("/api/v1/crypto/verify")).isTrue();
        assertThat(node.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void policyVocabulary_isServedAsJsonLd() {
        HttpResponse<String> context = node.get("/ns/policy/context.jsonld");
        assertThat(context.statusCode()).isEqualTo(200);
        assertThat(context.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        assertThat(JSON.readTree(context.body()).has("@context")).isTrue();
    }

    @Test
    void healthAndPrometheus_areServed() {
        assertThat(JSON.readTree(node.get("/actuator/health").body())
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        HttpResponse<String> metrics = node.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
    }
}
