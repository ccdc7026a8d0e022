package io.trustspace.app.demo;

import io.trustspace.app.demo.DemoSpace.DemoNode;
import io.trustspace.app.keys.KeyRotation;
import io.trustspace.app.ledger.HttpTileSource;
import io.trustspace.app.witness.CosigningScheduler;
import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SignedNote;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import io.trustspace.ledger.tile.TileAuditor;
import io.trustspace.ledger.witness.CosignaturePolicy;
import io.trustspace.ledger.witness.CosigningRound;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's end-to-end scenario, run over real HTTP against the running space. Each step either passes with a short
 * observation or fails with the reason; later capabilities add their steps here.
 */
public final class DemoScenario {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DemoSpace space;
    private final PrintStream out;
    private final DemoHttp demoHttp;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public DemoScenario(DemoSpace space, PrintStream out) {
        this.space = space;
        this.out = out;
        this.demoHttp = new DemoHttp(space, this::send);
    }

    /** Runs every step, even after a failure, so that one run reports everything that is wrong. */
    public boolean run() {
        List<Step> steps = new ArrayList<>();
        for (DemoNode node : space.nodes()) {
            steps.add(new Step(node.name() + " is healthy", () -> health(node)));
        }
        steps.add(new Step("every node has its own " + space.suite().label() + " signing key", this::distinctKeys));
        steps.add(new Step("OpenAPI 3.1 description is served", this::openApi));
        steps.add(new Step("Prometheus metrics are served", this::metrics));
        steps.add(new Step("bad requests get RFC 9457 problem documents", this::problems));
        steps.add(new Step(
                "接入认证: the operator admits provider and consumer (registry-verified, reviewed, approved)",
                this::admission));
        steps.add(new Step(
                "their membership credentials verify and are neither revoked nor suspended", this::credentials));
        steps.add(new Step("every admission step of the provider is evidenced in the ledger", this::admissionEvidence));
        steps.add(new Step(
                "DSP authentication: the provider recognises the consumer by token; a replay is refused",
                this::dspAuthentication));
        steps.add(new Step(
                "a key rotation is evidenced and its ledger receipt verifies offline", this::rotationEvidence));
        steps.add(new Step("the whole ledger audits from its tiles over plain HTTP", this::audit));
        steps.add(new Step("both connectors witnessed and cosigned the latest checkpoint", this::cosigned));
        steps.add(new Step("溯源: the consumer's history in the ledger shows the rotation", this::history));
        DemoCatalog catalog = new DemoCatalog(
                space,
                this::send,
                Map.of(
                        "provider",
                        PARTICIPANTS.get("provider")[0],
                        "consumer",
                        PARTICIPANTS.get("consumer")[0]));
        steps.add(new Step(
                "资源发布: the provider describes EV charging sessions from CSV and registers three resources;"
                        + " 核心数据 is held back",
                catalog::publish));
        steps.add(new Step(
                "规范性审查: the operator lists dataset and product and mints their data identifiers (数据标识)",
                catalog::review));
        steps.add(new Step(
                "资源发现: the consumer finds them through the operator's search (Chinese segmentation, facets)",
                catalog::discover));
        steps.add(new Step(
                "visibility: a dataset its access policy hides is absent from DSP catalog, GET, search and /id",
                catalog::visibility));
        steps.add(new Step("delisting: the identifier resolves to a tombstone with the reason", catalog::delist));
        DemoContracts contracts = new DemoContracts(space, this::send, this::logVerifier, suite());
        steps.add(new Step(
                "合同协商: the consumer negotiates for the charging dataset; both sign the agreement",
                contracts::negotiate));
        steps.add(new Step(
                "使用控制: suspension stops the next pull; of 50 concurrent research pulls exactly 3 succeed; marketing and later pulls are refused",
                contracts::pull));
        steps.add(new Step(
                "数据源: a dataset backed by a PostgreSQL query is negotiated and pulled as CSV",
                () -> contracts.query(catalog)));
        steps.add(new Step(
                "使用中止: suspending the agreement stops a download already under way, and the cut is evidenced",
                () -> contracts.suspendWhileFlowing(catalog)));
        steps.add(new Step(
                "人工审批: a request for 重要 data waits for the provider's admin; approved, it is agreed and signed",
                () -> contracts.manualApproval(catalog)));
        steps.add(new Step(
                "推送交付: a push transfer streams the data to the consumer's receiving service the provider allows",
                contracts::push));
        steps.add(new Step(
                "推送防护: a push transfer to a loopback address is refused before a byte moves (no SSRF)",
                contracts::pushGuard));
        steps.add(new Step(
                "二次传输: data received under a no-re-transfer agreement cannot be offered onward",
                contracts::retransfer));
        steps.add(new Step(
                "存证: every allow and deny is in the ledger and its receipt verifies; both sides prove the"
                        + " delivery",
                contracts::evidence));
        boolean passed = true;
        for (Step step : steps) {
            Result<String> result;
            try {
                result = step.check().get();
            } catch (RuntimeException e) {
                result = Result.invalid("unexpected " + e);
            }
            if (result instanceof Result.Ok<String> ok) {
                out.println("  ✔ " + step.name() + (ok.value().isEmpty() ? "" : " — " + ok.value()));
            } else {
                passed = false;
                out.println("  ✘ " + step.name() + " — " + ((Result.Failure<String>) result).reason());
            }
        }
        return passed;
    }

    private record Step(String name, Supplier<Result<String>> check) {}

    private Result<String> health(DemoNode node) {
        HttpResponse<String> response = get(node.baseUrl() + "/actuator/health");
        if (response.statusCode() != 200) {
            return Result.invalid("health answered " + response.statusCode());
        }
        String status = json.readTree(response.body()).path("status").asString();
        return "UP".equals(status) ? Result.ok(node.baseUrl()) : Result.invalid("status " + status);
    }

    private Result<String> distinctKeys() {
        Set<String> kids = new HashSet<>();
        String expected = switch (space.suite()) {
            case INTL -> "ED25519";
            case GM -> "SM2_SM3";
        };
        for (DemoNode node : space.nodes()) {
            HttpResponse<String> response = get(node.baseUrl() + "/api/v1/node");
            if (response.statusCode() != 200) {
                return Result.invalid(node.name() + " node info answered " + response.statusCode());
            }
            JsonNode info = json.readTree(response.body());
            if (!space.suite().label().equals(info.path("suite").asString())) {
                return Result.invalid(
                        node.name() + " runs suite " + info.path("suite").asString());
            }
            JsonNode active = info.path("signingKey");
            if (!expected.equals(active.path("algorithm").asString())) {
                return Result.invalid(
                        node.name() + " signs with " + active.path("algorithm").asString());
            }
            kids.add(active.path("kid").asString());
        }
        return kids.size() == space.nodes().size()
                ? Result.ok(kids.size() + " distinct " + expected + " keys")
                : Result.invalid("nodes share a key id: " + kids);
    }

    private Result<String> openApi() {
        HttpResponse<String> response = get(space.operator().baseUrl() + "/v3/api-docs");
        String version = response.statusCode() == 200
                ? json.readTree(response.body()).path("openapi").asString()
                : "";
        return version.startsWith("3.1")
                ? Result.ok("openapi " + version)
                : Result.invalid("answered " + response.statusCode() + " with openapi '" + version + "'");
    }

    private Result<String> metrics() {
        HttpResponse<String> response = get(space.operator().baseUrl() + "/actuator/prometheus");
        return response.statusCode() == 200 && response.body().contains("jvm_memory_used_bytes")
                ? Result.ok("")
                : Result.invalid("answered " + response.statusCode());
    }

    private Result<String> problems() {
        String base = space.node("provider").baseUrl();
        List<HttpResponse<String>> responses = List.of(
                get(base + "/no-such-thing"),
                send(HttpRequest.newBuilder(URI.create(base + "/api/v1/node")).DELETE()),
                send(HttpRequest.newBuilder(URI.create(base + "/api/v1/crypto/verify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"publicKey\": "))),
                send(HttpRequest.newBuilder(URI.create(base + "/api/v1/crypto/verify"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("hello"))));
        int[] expected = {404, 405, 400, 415};
        for (int i = 0; i < expected.length; i++) {
            HttpResponse<String> response = responses.get(i);
            String type = response.headers().firstValue("Content-Type").orElse("");
            String detail = type.startsWith("application/problem+json")
                    ? json.readTree(response.body()).path("detail").asString()
                    : "";
            if (response.statusCode() != expected[i] || detail.isEmpty()) {
                return Result.invalid(
                        "expected " + expected[i] + " problem, got " + response.statusCode() + " " + type);
            }
        }
        return Result.ok("404, 405, 400, 415 all with a detail");
    }

    /** The two demo participants, with USCCs from the offline registry the demo operator is configured with. */
    private static final Map<String, String[]> PARTICIPANTS = Map.of(
            "provider", new String[] {"91110105MA01C3D718", "北京星河数据科技有限公司", "张伟", "I64", "110105"},
            "consumer", new String[] {"91310115MA1H8K2R6W", "上海浦江数智服务有限公司", "李娜", "I65", "310115"});

    private final Map<String, String> participantIds = new java.util.LinkedHashMap<>();

    private HttpResponse<String> operatorApi(String method, String path, String body, boolean reviewer) {
        return demoHttp.operator(method, path, body, reviewer);
    }

    private Result<String> admission() {
        List<String> states = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : new java.util.TreeMap<>(PARTICIPANTS).entrySet()) {
            String[] p = entry.getValue();
            String did = io.trustspace.app.did.DidWeb.forBaseUrl(
                    space.node(entry.getKey()).baseUrl());
            JsonNode found = json.readTree(operatorApi("GET", "/api/v1/participants?uscc=" + p[0], null, false)
                    .body());
            JsonNode participant;
            if (found.isArray() && !found.isEmpty()) {
                participant = found.get(0);
            } else {
                String registration = json.writeValueAsString(Map.of(
                        "kind",
                        "organisation",
                        "name",
                        p[1],
                        "uscc",
                        p[0],
                        "legalRepresentative",
                        p[2],
                        "contact",
                        Map.of("name", p[2], "phone", "13800138000", "email", "admin@example.cn"),
                        "industry",
                        p[3],
                        "region",
                        p[4],
                        "did",
                        did));
                HttpResponse<String> registered = operatorApi("POST", "/api/v1/participants", registration, false);
                if (registered.statusCode() != 201) {
                    return Result.invalid("registering " + entry.getKey() + " answered " + registered.statusCode()
                            + ": " + registered.body());
                }
                participant = json.readTree(registered.body());
            }
            String id = participant.path("id").asString();
            participantIds.put(entry.getKey(), id);
            String path = "/api/v1/participants/" + id;
            if (participant.path("state").asString().equals("PENDING")) {
                participant = json.readTree(
                        operatorApi("POST", path + "/verify", null, true).body());
            }
            if (participant.path("state").asString().equals("UNDER_REVIEW")) {
                participant = json.readTree(operatorApi(
                                "POST",
                                path + "/approve",
                                "{\"reason\": \"registry record matches; documents checked\"}",
                                true)
                        .body());
            }
            String state = participant.path("state").asString();
            if (!state.equals("APPROVED")) {
                return Result.invalid(entry.getKey() + " is " + state + ": " + participant);
            }
            String verified = "";
            for (JsonNode result : participant.path("verifications")) {
                if (result.path("method").asString().equals("OFFLINE_REGISTRY")) {
                    verified = result.path("outcome").asString();
                }
            }
            states.add(entry.getKey() + " " + p[0] + " APPROVED (offline registry " + verified + ")");
        }
        return Result.ok(String.join("; ", states));
    }

    private Result<String> credentials() {
        if (participantIds.size() != 2) {
            return Result.invalid("no admitted participants");
        }
        JsonNode operatorKey = json.readTree(
                        get(space.operator().baseUrl() + "/api/v1/node").body())
                .path("signingKey")
                .path("jwk");
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = json.convertValue(operatorKey, Map.class);
        java.security.PublicKey key =
                io.trustspace.crypto.keys.Jwks.fromJwk(jwk).orElseThrow();
        List<String> summary = new ArrayList<>();
        for (Map.Entry<String, String> participant : participantIds.entrySet()) {
            HttpResponse<String> response =
                    operatorApi("GET", "/api/v1/participants/" + participant.getValue() + "/credential", null, false);
            if (response.statusCode() != 200) {
                return Result.invalid(participant.getKey() + " credential answered " + response.statusCode());
            }
            String jwt = json.readTree(response.body()).path("jwt").asString();
            Result<io.trustspace.crypto.jose.VerifiedJws> verified = io.trustspace.crypto.jose.Jws.verify(jwt, key);
            if (verified instanceof Result.Failure<io.trustspace.crypto.jose.VerifiedJws> bad) {
                return Result.invalid(participant.getKey() + " credential: " + bad.reason());
            }
            JsonNode vc = json.readTree(verified.orElseThrow().payload());
            for (JsonNode status : vc.path("credentialStatus")) {
                String listJwt =
                        get(status.path("statusListCredential").asString()).body();
                JsonNode list = json.readTree(io.trustspace.crypto.jose.Jws.verify(listJwt, key)
                        .orElseThrow()
                        .payload());
                boolean set = io.trustspace.identity.credential.BitstringStatusList.decode(
                                list.path("credentialSubject")
                                        .path("encodedList")
                                        .asString(),
                                1 << 20)
                        .orElseThrow()
                        .isSet(status.path("statusListIndex").asInt());
                if (set) {
                    return Result.invalid(participant.getKey() + " credential is "
                            + status.path("statusPurpose").asString());
                }
            }
            summary.add(participant.getKey() + ": "
                    + vc.path("credentialSubject").path("legalName").asString() + " "
                    + vc.path("credentialSubject").path("roles"));
        }
        return Result.ok("VC 2.0 JWTs signed by the operator; " + String.join(", ", summary));
    }

    private Result<String> admissionEvidence() {
        String id = participantIds.get("provider");
        if (id == null) {
            return Result.invalid("no admitted provider");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<String> types = new ArrayList<>();
        String answer = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(space.operator().baseUrl() + "/ledger/v1/subjects/"
                    + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "/history");
            types.clear();
            answer = response.statusCode() == 200
                    ? ""
                    : " (last answer " + response.statusCode() + ": " + response.body() + ")";
            if (response.statusCode() == 200) {
                json.readTree(response.body())
                        .path("records")
                        .forEach(record ->
                                types.add(record.path("record").path("type").asString()));
            }
            if (types.contains("credential.issued")) {
                return Result.ok(String.join(" → ", types));
            }
            sleep(200);
        }
        return Result.invalid("ledger history of the provider holds only " + types + answer);
    }

    private Result<String> dspAuthentication() {
        for (String node : List.of("provider", "consumer")) {
            String id = participantIds.get(node);
            if (id == null) {
                return Result.invalid("no admitted " + node);
            }
            String jwt = json.readTree(operatorApi("GET", "/api/v1/participants/" + id + "/credential", null, false)
                            .body())
                    .path("jwt")
                    .asString();
            DemoCredentials.Holder admin = node.equals("provider")
                    ? DemoCredentials.Holder.PROVIDER_ADMIN
                    : DemoCredentials.Holder.CONSUMER_ADMIN;
            HttpResponse<String> installed =
                    send(HttpRequest.newBuilder(URI.create(space.node(node).baseUrl() + "/api/v1/membership"))
                            .header("X-Api-Key", space.credentials().key(admin))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("jwt", jwt)))));
            if (installed.statusCode() != 204) {
                return Result.invalid(node + " membership install answered " + installed.statusCode());
            }
        }
        String provider = space.node("provider").baseUrl();
        String token = space.node("consumer")
                .context()
                .getBean(io.trustspace.app.dsp.NodeMembership.class)
                .tokenFor(io.trustspace.app.did.DidWeb.forBaseUrl(provider))
                .orElseThrow();
        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(provider + "/dsp/v1/identity"))
                .header("Authorization", "Bearer " + token);
        HttpResponse<String> first = send(call);
        if (first.statusCode() != 200) {
            return Result.invalid("provider answered " + first.statusCode() + ": " + first.body());
        }
        HttpResponse<String> replay = send(HttpRequest.newBuilder(URI.create(provider + "/dsp/v1/identity"))
                .header("Authorization", "Bearer " + token));
        String code = replay.statusCode() == 401
                ? json.readTree(replay.body()).path("code").asString()
                : "";
        if (!code.equals("REPLAYED")) {
            return Result.invalid("a replayed token answered " + replay.statusCode() + " " + code);
        }
        JsonNode caller = json.readTree(first.body());
        return Result.ok(
                "recognised as " + caller.path("claims").path("legalName").asString() + " " + caller.path("roles")
                        + " of " + caller.path("space").asString() + "; replay → 401 REPLAYED");
    }

    private EvidenceRecord rotated;

    private Result<String> rotationEvidence() {
        DemoNode consumer = space.node("consumer");
        KeyRotation.Rotation rotation =
                consumer.context().getBean(KeyRotation.class).rotate();
        rotated = rotation.evidence();
        EvidenceOutbox outbox = consumer.context().getBean(EvidenceOutbox.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<Receipt> receipt = Optional.empty();
        while (receipt.isEmpty() && System.nanoTime() < deadline) {
            receipt = outbox.receipt(rotated.id());
            if (receipt.isEmpty()) {
                sleep(100);
            }
        }
        if (receipt.isEmpty()) {
            return Result.invalid("no receipt for " + rotated.id() + " within 20 s");
        }
        Receipt proof = receipt.get();
        EvidenceRecord record = rotated;
        return logVerifier()
                .flatMap(verifier -> proof.verify(record, suite(), verifier))
                .map(checkpoint -> "record " + record.id().substring(0, 8) + "… at index " + proof.leafIndex()
                        + ", proven against tree size " + checkpoint.size());
    }

    private Result<String> audit() {
        return logVerifier()
                .flatMap(verifier -> new TileAuditor(
                                suite(),
                                new HttpTileSource(http, space.operator().baseUrl()))
                        .auditLatest(List.of(verifier), 1, (index, entry) -> {})
                        .map(report -> report.entries() + " entries, " + report.tiles() + " tiles, " + report.bundles()
                                + " entry bundles recomputed; root matches the signed checkpoint"));
    }

    private Result<String> cosigned() {
        CosigningScheduler scheduler = space.operator().context().getBean(CosigningScheduler.class);
        List<String> witnessKeys = new ArrayList<>();
        for (String name : List.of("provider", "consumer")) {
            HttpResponse<String> key = get(space.node(name).baseUrl() + "/witness/v1/key");
            if (key.statusCode() != 200) {
                return Result.invalid(name + " witness key answered " + key.statusCode());
            }
            witnessKeys.add(key.body().strip());
        }
        // A ledger that is still taking in evidence (a restart after kill -9 delivers the connectors' backlog) signs
        // newer checkpoints than the round cosigned: cosign again, a bounded number of times.
        Result<String> checked = Result.invalid("no cosigning round ran");
        for (int round = 0; round < 10; round++) {
            CosigningRound cosigned = scheduler.tick();
            String checkpoint =
                    get(space.operator().baseUrl() + "/ledger/checkpoint").body();
            checked = logVerifier()
                    .flatMap(logKey -> CosignaturePolicy.fromVerifierKeys(witnessKeys, 2)
                            .flatMap(policy -> policy.check(checkpoint, logKey))
                            .map(verified -> "tree size " + verified.size()
                                    + " signed by the log and 2 of 2 witnesses"
                                    + (cosigned.refusals().isEmpty()
                                            ? ""
                                            : " (refusals: " + cosigned.refusals() + ")")));
            if (checked.isOk() || checkpointSize(checkpoint) <= cosigned.treeSize()) {
                return checked;
            }
        }
        return checked;
    }

    /** The tree size of a signed checkpoint note, -1 if it is not one. */
    private static long checkpointSize(String note) {
        return SignedNote.parse(note)
                .flatMap(signed -> Checkpoint.parse(signed.text()))
                .fold(Checkpoint::size, failure -> -1L);
    }

    private Result<String> history() {
        if (rotated == null) {
            return Result.invalid("no rotation to look for");
        }
        String subject = rotated.subjects().get(0);
        HttpResponse<String> response = get(space.operator().baseUrl() + "/ledger/v1/subjects/"
                + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8) + "/history");
        if (response.statusCode() != 200) {
            return Result.invalid("history answered " + response.statusCode());
        }
        JsonNode records = json.readTree(response.body()).path("records");
        for (JsonNode record : records) {
            if (rotated.id().equals(record.path("record").path("id").asString())) {
                return Result.ok(records.size() + " record(s) about " + subject + ", each with an inclusion proof");
            }
        }
        return Result.invalid("the rotation record is not in the history of " + subject);
    }

    private io.trustspace.crypto.CryptoSuite suite() {
        return io.trustspace.crypto.CryptoSuites.of(space.suite());
    }

    private Result<NoteVerifier> logVerifier() {
        HttpResponse<String> response = get(space.operator().baseUrl() + "/ledger/v1/log-key");
        if (response.statusCode() != 200) {
            return Result.invalid("log key answered " + response.statusCode());
        }
        return NoteKey.parse(response.body().strip()).flatMap(key -> key.verifier(suite()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
