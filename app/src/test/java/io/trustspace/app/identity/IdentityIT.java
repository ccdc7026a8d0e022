package io.trustspace.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.security.ApiKeyFilter;
import io.trustspace.app.testing.TestNode;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.keys.Jwks;
import io.trustspace.identity.credential.BitstringStatusList;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 接入认证 over the operator's API: validation, roles, the review workflow, credentials and their status. */
class IdentityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> KEYS = Map.of(
            "operator-admin", "admin-key-for-tests",
            "reviewer", "reviewer-key-for-tests",
            "regulator", "regulator-key-for-tests",
            "participant-admin", "participant-key-for-tests");

    private static TestNode operator;

    @BeforeAll
    static void start() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trustspace.identity.offline-registry", "classpath:identity/demo-registry.json");
        settings.put("trustspace.identity.space", "it.trustspace");
        int i = 0;
        for (Map.Entry<String, String> key : KEYS.entrySet()) {
            settings.put("trustspace.security.api-keys[" + i + "].name", key.getKey());
            settings.put(
                    "trustspace.security.api-keys[" + i + "].sha256",
                    HexFormat.of().formatHex(ApiKeyFilter.sha256(key.getValue())));
            settings.put("trustspace.security.api-keys[" + i++ + "].roles", key.getKey());
        }
        operator = TestNode.start(NodeRole.OPERATOR, "identity", "intl", settings);
    }

    @AfterAll
    static void stop() {
        operator.close();
    }

    private HttpResponse<String> call(String role, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(operator.url(path)));
        if (role != null) {
            request.header("X-Api-Key", KEYS.get(role));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return operator.send(request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static Map<String, Object> organisation(String uscc, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "organisation");
        body.put("name", name);
        body.put("uscc", uscc);
        body.put("legalRepresentative", "王强");
        body.put("contact", Map.of("name", "王强", "phone", "13800138000", "email", "wq@example.cn"));
        body.put("industry", "I64");
        body.put("region", "440305");
        body.put("did", "did:web:127.0.0.1%3A9999");
        return body;
    }

    private static Map<String, String> reason(String text) {
        return Map.of("reason", text);
    }

    @Test
    void invalidRegistration_namesEveryFieldAndRule() {
        Map<String, Object> body = organisation("91440305MA5F9L3PX9", "");
        body.put("industry", "Q9");
        HttpResponse<String> response = call("operator-admin", "POST", "/api/v1/participants", body);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        List<String> fields = new ArrayList<>();
        problem.path("errors")
                .forEach(error -> fields.add(error.path("field").asString() + "/"
                        + error.path("rule").asString()));
        assertThat(fields).anyMatch(f -> f.startsWith("uscc/")).anyMatch(f -> f.startsWith("name/"));
        assertThat(problem.path("detail").asString()).contains("uscc");
    }

    @Test
    void roles_decideWhoMayDoWhat() {
        Map<String, Object> body = organisation("91330106MA2J7Q4W4H", "杭州西湖数据交易服务有限公司");
        assertThat(call(null, "POST", "/api/v1/participants", body).statusCode())
                .isEqualTo(401);
        assertThat(call("regulator", "POST", "/api/v1/participants", body).statusCode())
                .isEqualTo(403);
        assertThat(call("reviewer", "POST", "/api/v1/participants", body).statusCode())
                .isEqualTo(403);
        HttpResponse<String> registered = call("participant-admin", "POST", "/api/v1/participants", body);
        assertThat(registered.statusCode()).isEqualTo(201);
        String path = "/api/v1/participants/"
                + JSON.readTree(registered.body()).path("id").asString();
        assertThat(call("regulator", "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(call("participant-admin", "POST", path + "/verify", null).statusCode())
                .isEqualTo(403);
        assertThat(call("reviewer", "POST", path + "/verify", null).statusCode())
                .isEqualTo(200);
        assertThat(call("reviewer", "POST", path + "/revoke", reason("x")).statusCode())
                .isEqualTo(403);
        assertThat(call("operator-admin", "POST", "/api/v1/participants", body).statusCode())
                .isEqualTo(409);
    }

    @Test
    void lifecycle_isEvidenced_andTheCredentialStatusFollowsDecisions() throws Exception {
        HttpResponse<String> registered = call(
                "operator-admin", "POST", "/api/v1/participants", organisation("91440305MA5F9L3PX8", "深圳南山云链信息技术有限公司"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = JSON.readTree(registered.body()).path("id").asString();
        String path = "/api/v1/participants/" + id;

        HttpResponse<String> tooEarly = call("reviewer", "POST", path + "/approve", reason("too early"));
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(tooEarly.body()).path("detail").asString()).contains("PENDING");

        JsonNode verified =
                JSON.readTree(call("reviewer", "POST", path + "/verify", null).body());
        assertThat(verified.path("state").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(verified.path("verifications").toString()).contains("OFFLINE_REGISTRY", "VERIFIED");
        assertThat(call("reviewer", "POST", path + "/approve", Map.of()).statusCode())
                .isEqualTo(400);
        JsonNode approved = JSON.readTree(call("reviewer", "POST", path + "/approve", reason("documents checked"))
                .body());
        assertThat(approved.path("state").asString()).isEqualTo("APPROVED");

        String jwt = JSON.readTree(
                        call("regulator", "GET", path + "/credential", null).body())
                .path("jwt")
                .asString();
        PublicKey operatorKey = operatorKey();
        JsonNode vc = JSON.readTree(Jws.verify(jwt, operatorKey).orElseThrow().payload());
        assertThat(vc.path("credentialSubject").path("uscc").asString()).isEqualTo("91440305MA5F9L3PX8");
        assertThat(vc.path("credentialSubject").path("id").asString()).isEqualTo("did:web:127.0.0.1%3A9999");
        assertThat(statusBits(vc, operatorKey)).containsExactly(false, false);

        assertThat(call("operator-admin", "POST", path + "/suspend", reason("audit"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(statusBits(vc, operatorKey)).containsExactly(false, true);
        assertThat(call("operator-admin", "POST", path + "/reinstate", reason("audit passed"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(statusBits(vc, operatorKey)).containsExactly(false, false);
        assertThat(call("operator-admin", "POST", path + "/revoke", reason("left the space"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(statusBits(vc, operatorKey)).containsExactly(true, false);
        assertThat(call("operator-admin", "POST", path + "/reinstate", reason("no"))
                        .statusCode())
                .isEqualTo(409);

        List<String> types = awaitHistory(id, 8);
        assertThat(types)
                .containsSubsequence(
                        "participant.registered",
                        "participant.verified",
                        "participant.approved",
                        "credential.issued",
                        "participant.suspended",
                        "participant.reinstated",
                        "participant.revoked");
    }

    @Test
    void afterAKeyRotation_newCredentialsAreSignedWithTheNewKey() {
        String rotatedTo = operator.bean(io.trustspace.app.keys.KeyRotation.class)
                .rotate()
                .active()
                .kid();
        HttpResponse<String> registered = call(
                "operator-admin", "POST", "/api/v1/participants", organisation("91510100MA6CQR2X73", "成都天府数据托管有限公司"));
        String path = "/api/v1/participants/"
                + JSON.readTree(registered.body()).path("id").asString();
        call("reviewer", "POST", path + "/verify", null);
        assertThat(call("reviewer", "POST", path + "/approve", reason("checked"))
                        .statusCode())
                .isEqualTo(200);
        String jwt = JSON.readTree(
                        call("regulator", "GET", path + "/credential", null).body())
                .path("jwt")
                .asString();
        Map<String, Object> header = Jws.unverifiedHeader(jwt).orElseThrow();
        assertThat(String.valueOf(header.get("kid"))).endsWith("#" + rotatedTo);
    }

    @Test
    void individuals_areStoredOnlyAsAHashAndAMask() throws Exception {
        String idNumber = withCheck("11010519880808123");
        Map<String, Object> body = Map.of(
                "kind",
                "individual",
                "name",
                "李雷",
                "idNumber",
                idNumber,
                "contact",
                Map.of("name", "李雷", "phone", "13900139000", "email", "lilei@example.cn"));
        HttpResponse<String> registered = call("operator-admin", "POST", "/api/v1/participants", body);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.body()).doesNotContain(idNumber).contains("110105********");
        try (Connection connection = operator.bean(DataSource.class).getConnection();
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT p::text FROM participant p")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).doesNotContain(idNumber);
            }
        }
        Map<String, Object> wrongCheck = new LinkedHashMap<>(body);
        wrongCheck.put("idNumber", idNumber.substring(0, 17) + (idNumber.endsWith("0") ? "1" : "0"));
        HttpResponse<String> refused = call("operator-admin", "POST", "/api/v1/participants", wrongCheck);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("idNumber").doesNotContain(idNumber.substring(0, 17));
    }

    /** GB 11643 MOD 11-2 check character. */
    private static String withCheck(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private PublicKey operatorKey() {
        JsonNode jwk = JSON.readTree(operator.get("/api/v1/node").body())
                .path("signingKey")
                .path("jwk");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(jwk, Map.class);
        return Jwks.fromJwk(map).orElseThrow();
    }

    /** [revoked, suspended] as the published status lists say. */
    private List<Boolean> statusBits(JsonNode vc, PublicKey key) {
        List<Boolean> bits = new ArrayList<>();
        for (String purpose : List.of("revocation", "suspension")) {
            for (JsonNode status : vc.path("credentialStatus")) {
                if (status.path("statusPurpose").asString().equals(purpose)) {
                    String url = status.path("statusListCredential").asString();
                    String listJwt = operator.send(HttpRequest.newBuilder(URI.create(url)))
                            .body();
                    JsonNode list =
                            JSON.readTree(Jws.verify(listJwt, key).orElseThrow().payload());
                    bits.add(BitstringStatusList.decode(
                                    list.path("credentialSubject")
                                            .path("encodedList")
                                            .asString(),
                                    1 << 20)
                            .orElseThrow()
                            .isSet(status.path("statusListIndex").asInt()));
                }
            }
        }
        return bits;
    }

    private List<String> awaitHistory(String subject, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> types = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> history = operator.get(
                    "/ledger/v1/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/history");
            types.clear();
            if (history.statusCode() == 200) {
                JSON.readTree(history.body())
                        .path("records")
                        .forEach(r -> types.add(r.path("record").path("type").asString()));
            }
            if (types.size() >= atLeast) {
                return types;
            }
            Thread.sleep(200);
        }
        return types;
    }
}
