package io.trustspace.app.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.testing.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container decodes a request's path before routing it, so the DSP endpoints are reachable under
 * percent-encoded spellings of their paths. Authentication and the choice of the DSP error must follow the routed
 * path: a check on the raw URI let {@code /%64sp/…} reach the DSP handlers without a token.
 */
class DspAuthPathIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTRACT_REQUEST = """
            {"@context": ["https://w3id.org/dspace/2025/1/context.jsonld"], "@type": "ContractRequestMessage",
             "consumerPid": "urn:uuid:5d1f9a3e-0000-4000-8000-000000000001", "callbackAddress": "http://127.0.0.1:9/dsp",
             "offer": {"@id": "urn:offer:x", "@type": "Offer", "target": "urn:dataset:x",
                       "permission": [{"action": "use"}]}}""";

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(NodeRole.CONNECTOR, "dsp-auth-path", "intl", Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static HttpResponse<String> unauthenticated(String method, String path, String body) {
        return node.send(HttpRequest.newBuilder(URI.create(node.url(path)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void encodedSpellingsOfDspPaths_needATokenLikeThePlainOnes_andGetTheirProtocolsError() {
        record Case(String method, String path, String body, String type) {}
        for (Case c : List.of(
                new Case("POST", "/dsp/2025-1/negotiations/request", CONTRACT_REQUEST, "ContractNegotiationError"),
                new Case("POST", "/%64sp/2025-1/negotiations/request", CONTRACT_REQUEST, "ContractNegotiationError"),
                new Case("POST", "/dsp/2025-1/%6Eegotiations/request", CONTRACT_REQUEST, "ContractNegotiationError"),
                new Case("POST", "/%64sp/2025-1/%74ransfers/request", "{}", "TransferError"),
                new Case(
                        "POST",
                        "/%64sp/2025-1/catalog/request",
                        "{\"@type\": \"CatalogRequestMessage\"}",
                        "CatalogError"),
                new Case("GET", "/%64sp/2025-1/catalog/datasets/x", null, "CatalogError"))) {
            HttpResponse<String> response = unauthenticated(c.method(), c.path(), c.body());

            assertThat(response.statusCode()).as(c + ": " + response.body()).isEqualTo(401);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("@type").asString()).as(c.toString()).isEqualTo(c.type());
            assertThat(error.path("code").asString()).as(c.toString()).isEqualTo("MALFORMED");
        }
    }

    @Test
    void encodedSpellingsOfOtherDspEndpoints_needATokenToo() {
        for (String path : List.of("/%64sp/v1/identity", "/dsp/v1/%69dentity")) {
            HttpResponse<String> response = unauthenticated("GET", path, null);

            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("MALFORMED");
        }
    }

    @Test
    void versionDiscovery_staysPublic_howeverItIsSpelled() {
        for (String path : List.of("/dsp/.well-known/dspace-version", "/%64sp/.well-known/dspace-version")) {
            HttpResponse<String> response = unauthenticated("GET", path, null);

            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        }
    }
}
