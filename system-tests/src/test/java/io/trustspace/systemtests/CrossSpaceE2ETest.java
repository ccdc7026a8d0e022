package io.trustspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.db.EmbeddedPostgresServer;
import io.trustspace.app.did.DidWeb;
import io.trustspace.app.dsp.NodeMembership;
import io.trustspace.app.node.NodeLauncher;
import io.trustspace.app.security.ApiKeyFilter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 跨空间身份互认 with three spaces on loopback: a participant admitted in space A is recognised by a connector of
 * space B (which trusts A's operator for some roles and claims only); a participant of space C, which B does not
 * trust, is refused with UNTRUSTED_ISSUER.
 */
class CrossSpaceE2ETest {

    private static final String ADMIN_KEY = "cross-space-admin-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private ConfigurableApplicationContext start(
            EmbeddedPostgresServer postgres, String name, NodeRole role, int port, Map<String, Object> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trustspace.node.name", name);
        settings.put("trustspace.node.public-url", "http://127.0.0.1:" + port);
        settings.put("server.port", port);
        settings.put("trustspace.db.url", postgres.ensureDatabase("x_" + name));
        settings.put("trustspace.db.user", postgres.user());
        settings.put("trustspace.key.passphrase", "cross space test");
        settings.put("trustspace.data-dir", dir.toString());
        settings.put("trustspace.did.http-on-loopback", "true");
        settings.put("trustspace.ledger.witness", "false");
        settings.put("trustspace.security.api-keys[0].name", "admin");
        settings.put(
                "trustspace.security.api-keys[0].sha256", HexFormat.of().formatHex(ApiKeyFilter.sha256(ADMIN_KEY)));
        settings.put("trustspace.security.api-keys[0].roles", "operator-admin");
        settings.put("logging.level.root", "WARN");
        settings.putAll(extra);
        ConfigurableApplicationContext context = NodeLauncher.start(role, Map.of(), settings, List.of());
        nodes.add(context);
        return context;
    }

    private static String did(int port) {
        return DidWeb.forBaseUrl("http://127.0.0.1:" + port);
    }

    private JsonNode call(String method, String url, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", ADMIN_KEY);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(
                request.method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + url + ": " + response.body())
                .isBetween(200, 299);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Registers, verifies and approves the connector at {@code connectorPort} in the space of the operator. */
    private void admit(int operatorPort, int connectorPort, String uscc, String name, String region) throws Exception {
        String operator = "http://127.0.0.1:" + operatorPort;
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("kind", "organisation");
        registration.put("name", name);
        registration.put("uscc", uscc);
        registration.put("legalRepresentative", "测试");
        registration.put("contact", Map.of("name", "测试", "phone", "13800138000", "email", "t@example.cn"));
        registration.put("industry", "I64");
        registration.put("region", region);
        registration.put("did", did(connectorPort));
        String id = call("POST", operator + "/api/v1/participants", registration)
                .path("id")
                .asString();
        call("POST", operator + "/api/v1/participants/" + id + "/verify", null);
        call("POST", operator + "/api/v1/participants/" + id + "/approve", Map.of("reason", "cross-space test"));
        String jwt = call("GET", operator + "/api/v1/participants/" + id + "/credential", null)
                .path("jwt")
                .asString();
        call("PUT", "http://127.0.0.1:" + connectorPort + "/api/v1/membership", Map.of("jwt", jwt));
    }

    private HttpResponse<String> identify(ConfigurableApplicationContext caller, int calleePort) throws Exception {
        String token =
                caller.getBean(NodeMembership.class).tokenFor(did(calleePort)).orElseThrow();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + calleePort + "/dsp/v1/identity"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void participantOfSpaceA_isRecognisedBySpaceB_andUntrustedSpaceC_isRefused() throws Exception {
        int base = FreePorts.base(6);
        int operatorA = base, connectorA = base + 1, operatorB = base + 2, connectorB = base + 3;
        int operatorC = base + 4, connectorC = base + 5;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"))) {
            try {
                run(postgres, operatorA, connectorA, operatorB, connectorB, operatorC, connectorC);
            } finally {
                nodes.forEach(ConfigurableApplicationContext::close); // before their database stops
            }
        }
    }

    private void run(
            EmbeddedPostgresServer postgres,
            int operatorA,
            int connectorA,
            int operatorB,
            int connectorB,
            int operatorC,
            int connectorC)
            throws Exception {
        {
            Map<String, Object> operatorSettings =
                    Map.of("trustspace.identity.offline-registry", "classpath:identity/demo-registry.json");
            start(
                    postgres,
                    "opa",
                    NodeRole.OPERATOR,
                    operatorA,
                    with(operatorSettings, "trustspace.identity.space", "space-a"));
            start(
                    postgres,
                    "opb",
                    NodeRole.OPERATOR,
                    operatorB,
                    with(operatorSettings, "trustspace.identity.space", "space-b"));
            start(
                    postgres,
                    "opc",
                    NodeRole.OPERATOR,
                    operatorC,
                    with(operatorSettings, "trustspace.identity.space", "space-c"));
            ConfigurableApplicationContext a = start(
                    postgres,
                    "conna",
                    NodeRole.CONNECTOR,
                    connectorA,
                    Map.of("trustspace.ledger.url", "http://127.0.0.1:" + operatorA));
            Map<String, Object> spaceB = new LinkedHashMap<>();
            spaceB.put("trustspace.ledger.url", "http://127.0.0.1:" + operatorB);
            spaceB.put("trustspace.identity.trusted-issuers[0].did", did(operatorB));
            spaceB.put("trustspace.identity.trusted-issuers[0].space", "space-b");
            spaceB.put("trustspace.identity.trusted-issuers[0].home", "true");
            spaceB.put("trustspace.identity.trusted-issuers[1].did", did(operatorA));
            spaceB.put("trustspace.identity.trusted-issuers[1].space", "space-a");
            spaceB.put("trustspace.identity.trusted-issuers[1].roles", "participant");
            spaceB.put("trustspace.identity.trusted-issuers[1].claims", "legalName,region");
            ConfigurableApplicationContext b = start(postgres, "connb", NodeRole.CONNECTOR, connectorB, spaceB);
            ConfigurableApplicationContext c = start(
                    postgres,
                    "connc",
                    NodeRole.CONNECTOR,
                    connectorC,
                    Map.of("trustspace.ledger.url", "http://127.0.0.1:" + operatorC));

            admit(operatorA, connectorA, "91110105MA01C3D718", "北京星河数据科技有限公司", "110105");
            admit(operatorC, connectorC, "91440305MA5F9L3PX8", "深圳南山云链信息技术有限公司", "440305");

            HttpResponse<String> recognised = identify(a, connectorB);
            assertThat(recognised.statusCode()).as(recognised.body()).isEqualTo(200);
            JsonNode caller = JSON.readTree(recognised.body());
            assertThat(caller.path("did").asString()).isEqualTo(did(connectorA));
            assertThat(caller.path("space").asString()).isEqualTo("space-a");
            assertThat(caller.path("claims").path("legalName").asString()).isEqualTo("北京星河数据科技有限公司");
            assertThat(caller.path("claims").has("uscc"))
                    .as("space B accepts only legalName and region from A")
                    .isFalse();

            HttpResponse<String> refused = identify(c, connectorB);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("UNTRUSTED_ISSUER");
            // The refusal is evidence too: connector B recorded it in its outbox, bound for space B's ledger.
            try (java.sql.Connection connection =
                            b.getBean(javax.sql.DataSource.class).getConnection();
                    java.sql.Statement query = connection.createStatement();
                    java.sql.ResultSet rows =
                            query.executeQuery("SELECT count(*) FROM evidence_outbox WHERE type = 'auth.rejected'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
