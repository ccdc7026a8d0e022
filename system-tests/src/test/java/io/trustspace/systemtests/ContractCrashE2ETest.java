package io.trustspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Crash safety of contracts and transfers: the real executable is killed with SIGKILL at a seeded moment while
 * negotiations and transfers are in flight, and started again — the whole space (operator, provider and consumer in
 * one process), and each connector alone in a process of its own while the other side keeps running and keeps
 * sending to it. Every negotiation the consumer accepted then ends FINALIZED on both sides with the same agreement,
 * or TERMINATED (on the provider too, if the request reached it); no request opens two negotiations; every transfer
 * that started can be completed on both sides.
 */
class ContractCrashE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long[] SEEDS = {20261128L, 7L};
    private static final Duration START = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> negotiations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> transfers = Collections.synchronizedList(new ArrayList<>());
    private String provider;
    private String consumer;
    private String providerKey;
    private String consumerKey;

    @Test
    void kill9OfTheWholeSpace_duringNegotiationsAndTransfers_everyProcessEndsCleanlyOnBothSides() throws Exception {
        int portBase = ports();
        Process running = startWhole(portBase);
        for (long seed : SEEDS) {
            ExecutorService load = load(portBase);
            Thread.sleep(300 + new Random(seed).nextInt(1200));
            kill(running);
            stop(load);
            running = startWhole(portBase);
        }
        try {
            assertEveryProcessEndedCleanly("after 2 × kill -9 of the whole space");
        } finally {
            running.destroy();
            assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void kill9OfEitherConnectorAlone_whileTheOtherSideKeepsSending_everyProcessEndsCleanlyOnBothSides()
            throws Exception {
        int portBase = ports();
        DemoProcess.Run setUp = DemoProcess.start(dir.resolve("demo"), portBase, true, START);
        assertThat(setUp.lines()).as(String.join("\n", setUp.lines())).anyMatch(l -> l.contains("SCENARIO PASSED"));
        assertThat(setUp.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        Process providerSide = startNodes(portBase, "operator,provider");
        Process consumerSide = startNodes(portBase, "consumer");
        try {
            // The consumer dies; the provider's agreements and finalizations to it wait for its restart.
            ExecutorService load = load(portBase);
            Thread.sleep(300 + new Random(SEEDS[0]).nextInt(1200));
            kill(consumerSide);
            stop(load);
            consumerSide = startNodes(portBase, "consumer");

            // The provider dies; the consumer keeps asking for a moment, and its requests back off until it is back.
            load = load(portBase);
            Thread.sleep(300 + new Random(SEEDS[1]).nextInt(1200));
            kill(providerSide);
            Thread.sleep(1000);
            stop(load);
            providerSide = startNodes(portBase, "operator,provider");

            assertEveryProcessEndedCleanly("after kill -9 of the consumer, then of the provider, each alone");
        } finally {
            for (Process process : List.of(consumerSide, providerSide)) {
                process.destroy();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            stopPostgres();
        }
    }

    private int ports() {
        assertThat(Files.exists(DemoProcess.JAR))
                .as("built by the app module: " + DemoProcess.JAR)
                .isTrue();
        int portBase = FreePorts.base(4);
        provider = "http://127.0.0.1:" + (portBase + 1);
        consumer = "http://127.0.0.1:" + (portBase + 2);
        return portBase;
    }

    private Process startWhole(int portBase) throws IOException {
        DemoProcess.Run run = DemoProcess.start(dir.resolve("demo"), portBase, false, START);
        assertThat(run.lines()).as(String.join("\n", run.lines())).anyMatch(l -> l.contains("Scenario passed"));
        keys();
        return run.process();
    }

    private Process startNodes(int portBase, String nodes) throws IOException {
        DemoProcess.Run run = DemoProcess.startNodes(dir.resolve("demo"), portBase, nodes, START);
        assertThat(run.lines()).as(String.join("\n", run.lines())).anyMatch(l -> l.contains("up (no scenario)"));
        keys();
        return run.process();
    }

    private void keys() throws IOException {
        Properties keys = new Properties();
        keys.load(Files.newBufferedReader(dir.resolve("demo/demo-credentials.properties")));
        consumerKey = keys.getProperty("CONSUMER_ADMIN");
        providerKey = keys.getProperty("PROVIDER_ADMIN");
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void stop(ExecutorService load) throws InterruptedException {
        load.shutdownNow();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** A process restarted alone uses the database server its killed predecessor left running: stop it here. */
    private void stopPostgres() throws IOException {
        Path pid = dir.resolve("demo/postgres/postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()))
                    .ifPresent(postmaster -> {
                        postmaster.destroy();
                        postmaster.onExit().orTimeout(60, TimeUnit.SECONDS).join();
                    });
        }
    }

    /** Four clients asking the consumer for negotiations and pull transfers until stopped (or the node is gone). */
    private ExecutorService load(int portBase) throws Exception {
        JsonNode catalog = call(
                "POST",
                consumer + "/api/v1/catalogs/request",
                consumerKey,
                "{\"counterPartyAddress\":\"" + provider + "/dsp/2025-1\"}");
        JsonNode offer = null;
        for (JsonNode dataset : catalog.path("dataset")) {
            if (dataset.path("@id").asString().equals("ev-charging-sessions")) {
                offer = dataset.path("hasPolicy").get(0);
            }
        }
        assertThat(offer)
                .as("the provider offers the charging dataset: " + catalog)
                .isNotNull();
        String agreement = null;
        for (JsonNode a : call("GET", consumer + "/api/v1/agreements", consumerKey, null)) {
            if (a.path("role").asString().equals("CONSUMER")) {
                agreement = a.path("agreementId").asString();
            }
        }
        assertThat(agreement).as("the scenario left the consumer an agreement").isNotNull();
        ObjectNode negotiate = JSON.createObjectNode();
        negotiate.put("counterPartyAddress", provider + "/dsp/2025-1");
        negotiate.put("counterPartyId", "did:web:127.0.0.1%3A" + (portBase + 1));
        negotiate.put("datasetId", "ev-charging-sessions");
        negotiate.set("offer", offer);
        ObjectNode transfer = JSON.createObjectNode();
        transfer.put("agreementId", agreement);
        transfer.put("counterPartyAddress", provider + "/dsp/2025-1");
        transfer.put("counterPartyId", "did:web:127.0.0.1%3A" + (portBase + 1));
        transfer.put("format", "HttpData-PULL");

        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int worker = 0; worker < 4; worker++) {
            int w = worker;
            load.execute(() -> {
                for (int i = 0; i < 200 && !Thread.currentThread().isInterrupted(); i++) {
                    boolean isTransfer = (i + w) % 4 == 0;
                    try {
                        JsonNode created = call(
                                "POST",
                                consumer + (isTransfer ? "/api/v1/transfers" : "/api/v1/negotiations"),
                                consumerKey,
                                (isTransfer ? transfer : negotiate).toString());
                        (isTransfer ? transfers : negotiations)
                                .add(created.path("id").asString());
                    } catch (Exception | AssertionError e) {
                        return; // the node is gone, or we were stopped
                    }
                }
            });
        }
        return load;
    }

    private void assertEveryProcessEndedCleanly(String after) throws Exception {
        assertThat(negotiations).as("negotiations were in flight").isNotEmpty();
        Map<String, JsonNode> consumerSide = new HashMap<>();
        for (String id : negotiations) {
            consumerSide.put(
                    id,
                    awaitFinal(
                            consumer + "/api/v1/negotiations/" + id, consumerKey, List.of("FINALIZED", "TERMINATED")));
        }
        Map<String, List<JsonNode>> providerSide = new HashMap<>();
        for (String state :
                List.of("REQUESTED", "OFFERED", "ACCEPTED", "AGREED", "VERIFIED", "FINALIZED", "TERMINATED")) {
            for (JsonNode n :
                    call("GET", provider + "/api/v1/negotiations?state=" + state + "&limit=10000", providerKey, null)) {
                providerSide
                        .computeIfAbsent(n.path("consumerPid").asString(), k -> new ArrayList<>())
                        .add(n);
            }
        }
        int finalized = 0;
        for (String id : negotiations) {
            JsonNode ours = consumerSide.get(id);
            List<JsonNode> theirs = providerSide.getOrDefault(id, List.of());
            assertThat(theirs).as("one provider negotiation per request " + id).hasSizeLessThanOrEqualTo(1);
            String state = ours.path("state").asString();
            assertThat(state).as("negotiation " + id + ": " + ours).isIn("FINALIZED", "TERMINATED");
            if (state.equals("FINALIZED")) {
                finalized++;
                assertThat(theirs).as("the provider finalized " + id).hasSize(1);
                assertThat(theirs.get(0).path("state").asString()).isEqualTo("FINALIZED");
                assertThat(theirs.get(0).path("agreementId").asString())
                        .isEqualTo(ours.path("agreementId").asString());
            } else if (!theirs.isEmpty()) {
                assertThat(theirs.get(0).path("state").asString())
                        .as("provider side of " + id)
                        .isEqualTo("TERMINATED");
            }
        }
        assertThat(finalized)
                .as("most negotiations complete after the restarts")
                .isPositive();
        for (String id : transfers) {
            JsonNode view = awaitFinal(
                    consumer + "/api/v1/transfers/" + id, consumerKey, List.of("STARTED", "TERMINATED", "COMPLETED"));
            if (view.path("state").asString().equals("STARTED")) {
                call("POST", consumer + "/api/v1/transfers/" + id + "/complete", consumerKey, null);
                assertThat(awaitFinal(
                                        consumer + "/api/v1/transfers/" + id,
                                        consumerKey,
                                        List.of("COMPLETED", "TERMINATED"))
                                .path("state")
                                .asString())
                        .isEqualTo("COMPLETED");
            }
        }
        System.out.printf(
                "%s: %d negotiations (%d finalized), %d transfers%n",
                after, negotiations.size(), finalized, transfers.size());
    }

    /** One deadline for all waits: retries after the restart back off up to half a minute per message. */
    private long deadline;

    private JsonNode awaitFinal(String url, String key, List<String> states) throws Exception {
        if (deadline == 0) {
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        }
        JsonNode view = null;
        do {
            view = call("GET", url, key, null);
            if (states.contains(view.path("state").asString())) {
                return view;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return view;
    }

    private JsonNode call(String method, String url, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("X-Api-Key", key);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(
                request.method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + url + ": " + response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
