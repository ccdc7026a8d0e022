package io.trustspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.testing.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that once reached a 500 (or a misleading 503), found by sending every endpoint malformed input: each is
 * now a 400-range problem document saying what was wrong, and nothing was stored.
 */
class BadInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPERATOR_KEY = "bad-input-operator-key";
    private static final String CONNECTOR_KEY = "bad-input-connector-key";
    private static TestNode operator;
    private static TestNode connector;

    @BeforeAll
    static void start() {
        operator = TestNode.start(
                NodeRole.OPERATOR, "bad-input-op", "intl", TestNode.apiKey(OPERATOR_KEY, "operator-admin"));
        Map<String, Object> settings = new java.util.HashMap<>(TestNode.apiKey(CONNECTOR_KEY, "participant-admin"));
        // Any Authorization header is a caller, so that malformed DSP bodies get past authentication.
        settings.put("trustspace.dsp.interop-participant", "urn:bad-input");
        connector = TestNode.start("bad-input-c", "intl", settings);
    }

    @AfterAll
    static void stop() {
        connector.close();
        operator.close();
    }

    /** Stores an agreement the connector holds as consumer, made with did:web:127.0.0.1%3A9; the store. */
    private static io.trustspace.app.contract.Agreements heldAsConsumer(String agreementId) {
        io.trustspace.app.contract.Agreements agreements = connector.bean(io.trustspace.app.contract.Agreements.class);
        agreements.put(
                agreementId,
                "n-" + agreementId,
                io.trustspace.contract.negotiation.NegotiationRole.CONSUMER,
                "did:web:127.0.0.1%3A9",
                "did:web:127.0.0.1%3A8",
                "d-1",
                JSON.createObjectNode().put("@id", agreementId),
                "sig-p",
                "sig-c",
                java.time.Instant.now());
        return agreements;
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("detail").asString()).isNotBlank();
        return body;
    }

    private static HttpResponse<String> send(TestNode node, String key, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)))
                .header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return node.send(request);
    }

    @Test
    void aMultipartBody_is415_evenWithoutABoundary() {
        HttpResponse<String> response =
                operator.send(HttpRequest.newBuilder(URI.create(operator.url("/api/v1/participants")))
                        .header("X-Api-Key", OPERATOR_KEY)
                        .header("Content-Type", "multipart/form-data")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(problem(response, 415).path("detail").asString()).contains("multipart");
    }

    @Test
    void aQueryStringThatIsNotPercentEncodedUtf8_is400() throws Exception {
        for (String query : new String[] {"%ZZ", "%FF", "%C0%AE"}) {
            // java.net.URI refuses such a query; URL sends it as written, as a hostile client would.
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection)
                    new java.net.URL(operator.url("/api/v1/participants?uscc=" + query)).openConnection();
            connection.setRequestProperty("X-Api-Key", OPERATOR_KEY);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            try {
                assertThat(connection.getResponseCode()).as(query).isEqualTo(400);
                assertThat(connection.getContentType()).startsWith("application/problem+json");
                try (java.io.InputStream error = connection.getErrorStream()) {
                    assertThat(JSON.readTree(error).path("detail").asString()).contains("percent-encoded");
                }
            } finally {
                connection.disconnect();
            }
        }
    }

    @Test
    void identifierResolution_withoutAnIdentifier_is400_andEncodedSpellingsResolveTheSameIdentifier() {
        assertThat(problem(operator.get("/id"), 400).path("detail").asString()).contains("name a data identifier");
        problem(operator.get("/id/"), 400);
        // Routed to the same handler as /id/…: the identifier is the routed one, not a slice of the raw path.
        JsonNode plain = problem(operator.get("/id/demo.x/91110105MA01C3D718/nothing"), 404);
        JsonNode encoded = problem(operator.get("/%69d/demo.x/91110105MA01C3D718/nothing"), 404);
        assertThat(encoded.path("detail")).isEqualTo(plain.path("detail"));
        HttpResponse<String> tile = operator.get("/ledger/tile/0/x000");
        HttpResponse<String> encodedTile = operator.get("/%6Cedger/tile/0/x000");
        assertThat(encodedTile.statusCode()).as(encodedTile.body()).isEqualTo(tile.statusCode());
        assertThat(JSON.readTree(encodedTile.body()).path("detail"))
                .isEqualTo(JSON.readTree(tile.body()).path("detail"));
    }

    @Test
    void theErrorPageAskedForDirectly_isNoEndpoint() {
        problem(operator.get("/error"), 404);
        problem(send(operator, OPERATOR_KEY, "POST", "/error", "{}"), 404);
    }

    @Test
    void aRegistrationWithAnObjectWhereAStringBelongs_is400NamingTheField() {
        JsonNode body = problem(send(operator, OPERATOR_KEY, "POST", "/api/v1/participants", """
                        {"kind": "organisation", "name": {"zh": "x"}, "uscc": ["91350100M000100Y43"],
                         "contact": {"name": "a", "phone": 5, "email": "a@example.cn"}}"""), 400);

        assertThat(body.path("errors").findValuesAsString("field")).contains("name", "uscc", "contact.phone");
        assertThat(body.path("errors").toString()).doesNotContain("must be a string\",\"field\":\"contact.email");
    }

    @Test
    void aReviewDecisionWithAVersionThatIsNoInteger_is400() {
        for (String version : new String[] {"\"x\"", "true", "[]", "1.5", "123456789012345678901234567890"}) {
            JsonNode body = problem(
                    send(
                            operator,
                            OPERATOR_KEY,
                            "POST",
                            "/api/v1/participants/p-unknown/approve",
                            "{\"reason\": \"checked\", \"version\": " + version + "}"),
                    400);
            assertThat(body.path("errors").findValuesAsString("field")).containsExactly("version");
        }
        problem(send(operator, OPERATOR_KEY, "POST", "/api/v1/participants/p-unknown/suspend", "{\"reason\": 5}"), 400);
        for (String version : new String[] {"1.5", "99999999999999999999", "\"3\""}) {
            assertThat(problem(
                                    send(
                                            operator,
                                            OPERATOR_KEY,
                                            "POST",
                                            "/api/v1/review/resources/r-unknown/list",
                                            "{\"reason\": \"ok\", \"expectedVersion\": " + version + "}"),
                                    400)
                            .path("detail")
                            .asString())
                    .contains("expectedVersion");
        }
    }

    @Test
    void textTheDatabaseCannotHold_is400_andNothingIsStored() {
        String before = negotiationCount();
        HttpResponse<String> nul =
                send(connector, CONNECTOR_KEY, "POST", "/api/v1/negotiations", negotiation("a\\u0000b"));
        assertThat(problem(nul, 400).path("detail").asString()).contains("NUL");

        HttpResponse<String> surrogate =
                send(connector, CONNECTOR_KEY, "POST", "/api/v1/negotiations", negotiation("a\\ud800b"));
        assertThat(problem(surrogate, 400).path("detail").asString()).contains("surrogate");
        assertThat(negotiationCount()).isEqualTo(before);
    }

    @Test
    void aTransferUnderAnAgreementThisConnectorDoesNotHold_is400() {
        for (String agreementId : new String[] {"no-such-agreement", "数据🚀", "a\\u0001b", "x".repeat(300)}) {
            HttpResponse<String> response =
                    send(connector, CONNECTOR_KEY, "POST", "/api/v1/transfers", """
                    {"agreementId": "%s", "counterPartyAddress": "http://127.0.0.1:9/dsp",
                     "counterPartyId": "did:web:127.0.0.1%%3A9", "format": "HttpData-PULL"}""".formatted(agreementId));
            assertThat(problem(response, 400).path("detail").asString()).contains("agreement");
        }
    }

    @Test
    void aTransferUnderARevokedAgreement_is409_withoutAsking() {
        heldAsConsumer("revoked-1").setState("revoked-1", "REVOKED");

        HttpResponse<String> response = send(connector, CONNECTOR_KEY, "POST", "/api/v1/transfers", """
                {"agreementId": "revoked-1", "counterPartyAddress": "http://127.0.0.1:9/dsp",
                 "counterPartyId": "did:web:127.0.0.1%3A9", "format": "HttpData-PULL"}""");

        assertThat(problem(response, 409).path("detail").asString()).contains("revoked");
    }

    @Test
    void agreementStateChanges_areEvidenced_andARevocationIsFinal_evenAgainstAWriteThatReadItBefore() {
        io.trustspace.app.contract.Agreements agreements = heldAsConsumer("revoked-2");

        assertThat(send(
                                connector,
                                CONNECTOR_KEY,
                                "POST",
                                "/api/v1/agreements/revoked-2/state",
                                "{\"state\": \"SUSPENDED\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                connector,
                                CONNECTOR_KEY,
                                "POST",
                                "/api/v1/agreements/revoked-2/state",
                                "{\"state\": \"REVOKED\"}")
                        .statusCode())
                .isEqualTo(200);
        problem(
                send(connector, CONNECTOR_KEY, "POST", "/api/v1/agreements/revoked-2/state", "{\"state\": \"ACTIVE\"}"),
                409);
        // A reactivation that checked the state before the revocation landed: the statement itself refuses it.
        assertThat(agreements.setState("revoked-2", "ACTIVE")).isFalse();

        assertThat(agreements.find("revoked-2").orElseThrow().state()).isEqualTo("REVOKED");
        assertThat(evidenceCount("agreement.state", "revoked-2")).isEqualTo(2);
    }

    private static int evidenceCount(String type, String subject) {
        try (java.sql.Connection connection =
                        connector.bean(javax.sql.DataSource.class).getConnection();
                java.sql.PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM evidence_outbox WHERE type = ? AND ? = ANY(subjects)")) {
            select.setString(1, type);
            select.setString(2, subject);
            try (java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The other side of ManagementEdgeIT's check: in the interop profile (EDC, the TCK) ids need not be DIDs. */
    @Test
    void aNegotiationWithAProviderNotNamedByADid_isTaken_inTheInteropProfile() {
        HttpResponse<String> response = send(connector, CONNECTOR_KEY, "POST", "/api/v1/negotiations", """
                {"counterPartyAddress": "http://127.0.0.1:9/dsp", "counterPartyId": "provider-x",
                 "datasetId": "d-1", "offer": {"@id": "o-1", "permission": [{"action": "use"}]}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aTransferAskedOfAnotherProviderThanTheAgreements_is400_withoutAsking() {
        heldAsConsumer("made-with-9");

        HttpResponse<String> response = send(connector, CONNECTOR_KEY, "POST", "/api/v1/transfers", """
                {"agreementId": "made-with-9", "counterPartyAddress": "http://127.0.0.1:7/dsp",
                 "counterPartyId": "did:web:127.0.0.1%3A7", "format": "HttpData-PULL"}""");

        assertThat(problem(response, 400).path("detail").asString())
                .contains("counterPartyId")
                .contains("did:web:127.0.0.1%3A9");
        io.trustspace.app.contract.Transfers transfers = connector.bean(io.trustspace.app.contract.Transfers.class);
        for (io.trustspace.contract.transfer.TransferState state :
                io.trustspace.contract.transfer.TransferState.values()) {
            assertThat(transfers.inState(state, 1000))
                    .noneMatch(t -> t.agreementId().equals("made-with-9"));
        }
    }

    @Test
    void onDspEndpoints_whatWouldBeAProblem_isTheProtocolsOwnError() {
        record Case(String method, String path, String contentType, String body, int status, String type) {}
        for (Case c : java.util.List.of(
                new Case(
                        "POST",
                        "/dsp/2025-1/negotiations/request",
                        "application/json",
                        "{",
                        400,
                        "ContractNegotiationError"),
                new Case(
                        "POST",
                        "/dsp/2025-1/negotiations/request",
                        "application/json",
                        "{\"@type\": \"ContractRequestMessage\", \"consumerPid\": \"a\\ud800\"}",
                        400,
                        "ContractNegotiationError"),
                new Case("POST", "/dsp/2025-1/transfers/request", "text/plain", "x", 415, "TransferError"),
                // NUL in a query parameter reaches the database, which refuses it: the request's fault, 400.
                new Case(
                        "POST",
                        "/dsp/2025-1/catalog/request?after=%00",
                        "application/json",
                        "{\"@type\": \"CatalogRequestMessage\"}",
                        400,
                        "CatalogError"),
                new Case("GET", "/dsp/2025-1/catalog/request", "application/json", null, 405, "CatalogError"))) {
            HttpResponse<String> response = connector.send(HttpRequest.newBuilder(URI.create(connector.url(c.path())))
                    .header("Authorization", "anything")
                    .header("Content-Type", c.contentType())
                    .method(
                            c.method(),
                            c.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(c.body())));

            assertThat(response.statusCode()).as(c + ": " + response.body()).isEqualTo(c.status());
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("@type").asString()).as(c.toString()).isEqualTo(c.type());
            assertThat(error.path("code").asString()).isEqualTo(String.valueOf(c.status()));
            assertThat(error.path("reason").get(0).asString()).isNotBlank();
        }
    }

    private static String negotiation(String escapedValue) {
        return """
                {"counterPartyAddress": "http://127.0.0.1:9/dsp", "counterPartyId": "did:web:127.0.0.1%%3A9",
                 "datasetId": "d-1",
                 "offer": {"@id": "o-1", "permission": [{"action": "use"}], "note": "%s"}}""".formatted(escapedValue);
    }

    private static String negotiationCount() {
        try (java.sql.Connection connection =
                        connector.bean(javax.sql.DataSource.class).getConnection();
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT count(*) FROM contract_negotiation")) {
            row.next();
            return row.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
