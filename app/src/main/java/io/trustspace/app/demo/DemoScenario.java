package io.trustspace.app.demo;

import io.trustspace.app.demo.DemoSpace.DemoNode;
import io.trustspace.common.Result;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public DemoScenario(DemoSpace space, PrintStream out) {
        this.space = space;
        this.out = out;
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
                get(base + "/api/v1/no-such-thing"),
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
