package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.security.ApiKeyFilter;
import io.trustspace.app.testing.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management API at the HTTP edge of a real connector without the interop profile: a bad wait on a process, or a
 * request that could only fail later, is a 400 problem at once.
 */
class ManagementEdgeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "participant-key-for-wait-tests";
    private static final String REGULATOR_KEY = "regulator-key-for-edge-tests";
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(
                "wait",
                "intl",
                Map.of(
                        "trustspace.security.api-keys[0].name", "participant-admin",
                        "trustspace.security.api-keys[0].sha256", HexFormat.of().formatHex(ApiKeyFilter.sha256(KEY)),
                        "trustspace.security.api-keys[0].roles", "participant-admin",
                        "trustspace.security.api-keys[1].name", "regulator",
                        "trustspace.security.api-keys[1].sha256",
                                HexFormat.of().formatHex(ApiKeyFilter.sha256(REGULATOR_KEY)),
                        "trustspace.security.api-keys[1].roles", "regulator"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/negotiations/n1?wait=31",
                "/api/v1/negotiations/n1?wait=-1",
                "/api/v1/negotiations/n1?wait=soon",
                "/api/v1/negotiations/n1?wait=1&until=DONE",
                "/api/v1/negotiations/n1?wait=1&until=FINALIZED,",
                "/api/v1/transfers/t1?wait=1&until=FINALIZED",
            })
    void aBadWait_isA400Problem_thatSaysWhy(String path) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/negotiations/nobody?wait=5", "/api/v1/transfers/nobody?wait=5&until=STARTED"})
    void waitingOnAProcessThatDoesNotExist_isA404AtOnce(String path) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("detail").asString()).contains("nobody");
    }

    /** The identifier becomes a path at the operator, sent with our token: it may not walk out of /id/ there. */
    @ParameterizedTest
    @ValueSource(strings = {"../dsp/v1/catalog/resources", "demo.x/../ev", "demo.x/p/..", "demo.x/p", "a b/p/x"})
    void resolvingAnIdentifierThatIsNotOne_is400_beforeAnythingIsSent(String identifier) {
        HttpResponse<String> response = get("/api/v1/discovery/resolve?identifier="
                + java.net.URLEncoder.encode(identifier, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }

    @org.junit.jupiter.api.Test
    void resolvingAWellFormedIdentifier_goesToTheOperator_noneConfiguredHere() {
        HttpResponse<String> response =
                get("/api/v1/discovery/resolve?identifier=demo.x/91110105MA01C3D718/ev-charging@1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    }

    /** Reading a transfer's data, or the endpoint and token to read it with, is a use: not for oversight roles. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/transfers/t1/data", "/api/v1/transfers/t1/data-address"})
    void aRegulator_mayNotReadTransferredData_norTheTokenThatReadsIt(String path) {
        HttpResponse<String> regulator = get(path, REGULATOR_KEY);
        HttpResponse<String> admin = get(path);

        assertThat(regulator.statusCode()).as(regulator.body()).isEqualTo(403);
        assertThat(admin.statusCode())
                .as("the rule, not the missing transfer, refused")
                .isEqualTo(404);
        assertThat(get("/api/v1/transfers/t1", REGULATOR_KEY).statusCode())
                .as("the transfer itself stays readable for oversight")
                .isEqualTo(404);
    }

    @org.junit.jupiter.api.Test
    void aNegotiationWithAProviderNotNamedByADid_is400() {
        HttpResponse<String> response = node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/negotiations")))
                .header("X-Api-Key", KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"counterPartyAddress": "http://127.0.0.1:9/dsp", "counterPartyId": "provider-x",
                         "datasetId": "d-1", "offer": {"@id": "o-1", "permission": [{"action": "use"}]}}""")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asString())
                .contains("counterPartyId")
                .contains("not a DID");
    }

    private static HttpResponse<String> get(String path) {
        return get(path, KEY);
    }

    private static HttpResponse<String> get(String path, String key) {
        return node.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("X-Api-Key", key));
    }
}
