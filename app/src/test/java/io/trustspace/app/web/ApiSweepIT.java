package io.trustspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.testing.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation a node publishes in its OpenAPI document, sent malformed input: no answer may be a 500, nor a 503
 * blaming storage (a 502/503 for a counterparty that is not there is the truth, since some bodies name one). The
 * black-box pass behind {@link BadInputIT} found twelve ways to a 500; this keeps new endpoints from adding one.
 * Path variables, query parameters and bodies are wrong in generic ways (not JSON, the wrong JSON shape, members of
 * the wrong type, NUL and an unpaired surrogate, out-of-range numbers); every call is bounded by a timeout.
 */
class ApiSweepIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPERATOR_KEY = "sweep-operator-key";
    private static final String CONNECTOR_KEY = "sweep-connector-key";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final List<String> PATH_VALUES = List.of("x", "a%20b", "%E6%95%B0", "9".repeat(40), "z".repeat(300));
    private static final String QUERY = "?limit=-1&offset=99999999999999999999&state=%C3%A9&wait=x&uscc=1";
    /** A body that would pass every other check, but with the same bad character in each of its text values. */
    private static final String PLAUSIBLE = "{\"agreementId\": \"a%1$s\", \"counterPartyAddress\":"
            + " \"http://127.0.0.1:9/dsp\", \"counterPartyId\": \"did:web:127.0.0.1%%3A9\", \"datasetId\": \"d%1$s\","
            + " \"offer\": {\"@id\": \"o%1$s\", \"permission\": [{\"action\": \"use\"}]}, \"reason\": \"r%1$s\","
            + " \"localId\": \"l%1$s\", \"name\": \"n%1$s\", \"state\": \"SUSPENDED\"}";

    private static final List<String> BODIES = List.of(
            "",
            "{",
            "null",
            "[]",
            "\"text\"",
            "{\"@type\": 5, \"id\": {}, \"name\": [], \"reason\": 7, \"state\": {}, \"version\": \"x\","
                    + " \"expectedVersion\": 1.5, \"agreementId\": [], \"offer\": \"o\", \"metadata\": 3,"
                    + " \"dataAddress\": \"d\", \"localId\": {}, \"kind\": 9, \"counterPartyAddress\": 1}",
            PLAUSIBLE.formatted("\\u0000"),
            PLAUSIBLE.formatted("\\ud800"));

    private static TestNode operator;
    private static TestNode connector;

    @BeforeAll
    static void start() {
        operator =
                TestNode.start(NodeRole.OPERATOR, "sweep-op", "intl", TestNode.apiKey(OPERATOR_KEY, "operator-admin"));
        Map<String, Object> settings = new HashMap<>(TestNode.apiKey(CONNECTOR_KEY, "participant-admin"));
        settings.put("trustspace.dsp.interop-participant", "urn:sweep"); // so DSP bodies get past authentication
        connector = TestNode.start("sweep-c", "intl", settings);
    }

    @AfterAll
    static void stop() {
        connector.close();
        operator.close();
    }

    @Test
    void noOperationOfTheOperator_answersMalformedInputWithAServerError() {
        assertThat(sweep(operator, OPERATOR_KEY)).isEmpty();
    }

    @Test
    void noOperationOfAConnector_answersMalformedInputWithAServerError() {
        assertThat(sweep(connector, CONNECTOR_KEY)).isEmpty();
    }

    /** The requests answered with a 5xx or not at all, each with what came back. */
    private static List<String> sweep(TestNode node, String key) {
        JsonNode paths = JSON.readTree(node.get("/v3/api-docs").body()).path("paths");
        assertThat(paths.size()).as("operations published").isGreaterThan(10);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Iterator<Map.Entry<String, JsonNode>> entries = paths.properties().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            for (String method : entry.getValue().propertyNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                for (String value : PATH_VALUES) {
                    String path = entry.getKey().replaceAll("\\{[^}]+}", value);
                    for (String body : method.equals("get") || method.equals("delete") ? List.of("") : BODIES) {
                        sent++;
                        String call = method.toUpperCase() + " " + path + QUERY + " body " + abbreviate(body);
                        try {
                            HttpResponse<String> response =
                                    node.send(HttpRequest.newBuilder(URI.create(node.url(path + QUERY)))
                                            .timeout(Duration.ofSeconds(15))
                                            .header("X-Api-Key", key)
                                            .header("Authorization", "sweep")
                                            .header("Content-Type", "application/json")
                                            .method(
                                                    method.toUpperCase(),
                                                    body.isEmpty()
                                                            ? HttpRequest.BodyPublishers.noBody()
                                                            : HttpRequest.BodyPublishers.ofString(body)));
                            // A 502/503 for a peer that is not there is the truth; one about storage is not.
                            if (response.statusCode() == 500
                                    || (response.statusCode() >= 500
                                            && response.body().contains("storage"))) {
                                failures.add(call + " → " + response.statusCode() + " " + abbreviate(response.body()));
                            }
                        } catch (RuntimeException e) {
                            failures.add(call + " → " + e);
                        }
                    }
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(100);
        return failures;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
