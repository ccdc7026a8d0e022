package io.trustspace.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closed-loop negotiation load between two connectors, through the consumer's management API: CONCURRENCY workers each
 * start a negotiation, wait for it to end (the API holds the answer until the state is final, so nobody polls) and
 * start the next. A timed warm-up at the same concurrency comes first: the JIT of a whole space takes a minute or
 * more to settle on two cores, and a production connector runs warm.
 *
 * <p>Latency is the consumer's own record of each negotiation, created → FINALIZED, so the client's scheduling does
 * not inflate it; throughput is the finalized count over the wall time of the measured phase. Every wait is bounded.
 * Last line: {@code RESULT negotiations_per_s=… p50_ms=… p99_ms=… failures=…}
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.trustspace.bench.NegotiationDriver --consumer http://127.0.0.1:28082
 *     --provider http://127.0.0.1:28081 --key KEY [--n 2000] [--concurrency 32] [--warmup-s 60]
 * </pre>
 */
public final class NegotiationDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);
    private static final int WAIT_SECONDS = 20;

    private final HttpClient http;
    private final String consumer;
    private final String key;
    private final String request;
    private final Duration timeout;

    private NegotiationDriver(HttpClient http, String consumer, String key, String request, Duration timeout) {
        this.http = http;
        this.consumer = consumer;
        this.key = key;
        this.request = request;
        this.timeout = timeout;
    }

    /** One negotiation's outcome: its final state, the consumer's timestamps, and why it failed if it did. */
    private record Outcome(String state, Instant created, Instant updated, String why) {
        boolean finalized() {
            return "FINALIZED".equals(state);
        }

        double millis() {
            return Duration.between(created, updated).toNanos() / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        DriverOptions options = DriverOptions.parse(
                args, Set.of("consumer", "provider", "key", "dataset", "n", "concurrency", "warmup-s", "timeout-s"));
        String consumer = required(options, "consumer");
        String provider = required(options, "provider");
        String key = required(options, "key");
        String dataset = options.string("dataset", "ev-charging-sessions");
        int n = options.integer("n", 2_000);
        int concurrency = options.integer("concurrency", 32);
        int warmupSeconds = options.integer("warmup-s", 60);
        Duration timeout = Duration.ofSeconds(options.integer("timeout-s", 60));

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4, daemon("driver-http")))
                .build();
        String request = negotiationRequest(http, consumer, provider, key, dataset);
        NegotiationDriver driver = new NegotiationDriver(http, consumer, key, request, timeout);

        List<Outcome> warm = driver.run(Integer.MAX_VALUE, concurrency, Duration.ofSeconds(warmupSeconds));
        System.out.printf(
                "warm-up: %d negotiations in %d s (%d finalized)%n",
                warm.size(),
                warmupSeconds,
                warm.stream().filter(Outcome::finalized).count());

        long began = System.nanoTime();
        List<Outcome> results = driver.run(n, concurrency, timeout.multipliedBy(Math.max(1, n / concurrency + 1)));
        double elapsed = (System.nanoTime() - began) / 1e9;

        List<Double> latencies = results.stream()
                .filter(Outcome::finalized)
                .map(Outcome::millis)
                .sorted()
                .toList();
        List<Outcome> failed = results.stream().filter(o -> !o.finalized()).toList();
        failed.stream().limit(5).forEach(o -> System.err.println("failure: " + o.state() + " " + o.why()));
        int missing = n - results.size();
        double rate = latencies.size() / elapsed;
        System.out.printf(
                "negotiations=%d concurrency=%d finalized=%d wall_s=%.2f%n", n, concurrency, latencies.size(), elapsed);
        System.out.printf(
                "RESULT negotiations_per_s=%.1f p50_ms=%.1f p99_ms=%.1f failures=%d%n",
                rate, percentile(latencies, 0.50), percentile(latencies, 0.99), failed.size() + missing);
        System.exit(0);
    }

    /**
     * Runs up to {@code total} negotiations on {@code concurrency} workers, none started after {@code budget} has
     * passed; the outcomes of those that ran.
     */
    private List<Outcome> run(int total, int concurrency, Duration budget) throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger started = new AtomicInteger();
        long deadline = System.nanoTime() + budget.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, daemon("driver-worker"));
        for (int i = 0; i < concurrency; i++) {
            workers.execute(() -> {
                while (System.nanoTime() < deadline && started.getAndIncrement() < total) {
                    outcomes.add(one());
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(budget.plus(timeout).toSeconds() + 60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        return new ArrayList<>(outcomes);
    }

    private Outcome one() {
        try {
            HttpResponse<String> started = call("POST", "/api/v1/negotiations", request);
            if (started.statusCode() != 201) {
                return failure("ERROR", "start answered " + started.statusCode() + ": " + head(started.body()));
            }
            String id = JSON.readTree(started.body()).path("id").asString();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                HttpResponse<String> answer = call("GET", "/api/v1/negotiations/" + id + "?wait=" + WAIT_SECONDS, null);
                if (answer.statusCode() != 200) {
                    return failure("ERROR", "GET answered " + answer.statusCode() + ": " + head(answer.body()));
                }
                JsonNode view = JSON.readTree(answer.body());
                String state = view.path("state").asString();
                if (state.equals("FINALIZED") || state.equals("TERMINATED")) {
                    return new Outcome(
                            state,
                            Instant.parse(view.path("createdAt").asString()),
                            Instant.parse(view.path("updatedAt").asString()),
                            view.path("terminationReason").toString());
                }
            }
            return failure("TIMEOUT", id);
        } catch (IOException | RuntimeException e) {
            return failure("ERROR", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("INTERRUPTED", e.toString());
        }
    }

    private HttpResponse<String> call(String method, String path, String body)
            throws IOException, InterruptedException {
        return send(http, method, consumer + path, key, body);
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(CALL_TIMEOUT)
                .header("X-Api-Key", key)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The request body for negotiating the dataset's first offer, read from the provider's catalog. */
    private static String negotiationRequest(
            HttpClient http, String consumer, String provider, String key, String dataset)
            throws IOException, InterruptedException {
        String dsp = provider.replaceAll("/+$", "") + "/dsp/2025-1";
        ObjectNode catalogRequest = JSON.createObjectNode().put("counterPartyAddress", dsp);
        HttpResponse<String> answer =
                send(http, "POST", consumer + "/api/v1/catalogs/request", key, catalogRequest.toString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("catalog request answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode offer = null;
        for (JsonNode candidate : JSON.readTree(answer.body()).path("dataset")) {
            if (candidate.path("@id").asString("").equals(dataset)) {
                offer = candidate.path("hasPolicy").path(0);
            }
        }
        if (offer == null || offer.isMissingNode()) {
            throw new IllegalStateException("dataset " + dataset + " is not in the provider's catalog");
        }
        String host = URI.create(provider).getAuthority();
        ObjectNode request = JSON.createObjectNode()
                .put("counterPartyAddress", dsp)
                .put("counterPartyId", "did:web:" + host.replace(":", "%3A"))
                .put("datasetId", dataset);
        request.set("offer", offer);
        return request.toString();
    }

    private static double percentile(List<Double> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * fraction)));
    }

    private static Outcome failure(String state, String why) {
        return new Outcome(state, null, null, why);
    }

    private static String head(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String required(DriverOptions options, String name) {
        String value = options.string(name, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
