package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trustspace.app.testing.Eventually;
import io.trustspace.app.testing.TestAssets;
import io.trustspace.app.testing.TestNode;
import io.trustspace.contract.negotiation.NegotiationState;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferState;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The provider's data plane over real HTTP, with a consumer that is not TrustSpace. Push: a destination that is down
 * for a while gets the data once it is back (one use counted), one that refuses the data ends the transfer at once,
 * one that stays down ends it after the last attempt with every failure as the reason. Pull: a suspension while the
 * data flows stops the stream, and the interruption is evidenced.
 */
class DataPlaneIT {

    /** Bounded: the longest wait is the pauses between all attempts plus the pushes themselves. */
    private static final Duration PUSH_WAIT = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTEXT = "https://w3id.org/dspace/2025/1/context.jsonld";
    private static final int SIZE = 300_000;
    /** Far more than the socket buffers hold, so the provider is still sending when the client pauses. */
    private static final int PULL_SIZE = 64 * 1024 * 1024;

    @TempDir
    static Path dir;

    private static TestNode provider;
    private static final String ADMIN_KEY = "data-plane-it-admin-key";
    /** The provider's data plane has its own port (ADR 0010), so every pull here goes through that connector. */
    private static int dataPlanePort;

    private static HttpServer sink;
    private static HttpServer callback;
    /** The statuses the destination answers, in order; 200 once used up. */
    private static final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    /** The Retry-After the destination sends with an error, if any. */
    private static volatile String retryAfter;
    /** Per consumerPid: the TransferStartMessage the provider sent. */
    private static final Map<String, CompletableFuture<JsonNode>> starts = new ConcurrentHashMap<>();
    /** Run by the destination after the first MiB of a push, if set. */
    private static volatile Runnable midway;
    /** The Idempotency-Key of every push the destination received. */
    private static final List<String> keys = new CopyOnWriteArrayList<>();
    /** The size of every body the destination received, whatever it answered. */
    private static final List<Integer> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/inbox", exchange -> {
            try (exchange) {
                Runnable hook = midway;
                if (hook == null) {
                    received.add(exchange.getRequestBody().readAllBytes().length);
                } else {
                    // Read a first MiB, let the test act, then take whatever else still comes.
                    int first = exchange.getRequestBody().readNBytes(1024 * 1024).length;
                    hook.run();
                    received.add(first + (int) drain(exchange.getRequestBody()));
                }
                keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
                Integer status = script.poll();
                if (status != null && retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            }
        });
        sink.start();
        callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        callback.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/dsp/transfers/") && path.endsWith("/start")) {
                    String consumerPid = path.substring("/dsp/transfers/".length(), path.length() - "/start".length());
                    starts.computeIfAbsent(consumerPid, pid -> new CompletableFuture<>())
                            .complete(JSON.readTree(body));
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        callback.start();
        dataPlanePort = TestNode.freePort();
        provider = TestNode.start(
                "push",
                "intl",
                Map.of(
                        "trustspace.data-plane.port",
                        dataPlanePort,
                        "trustspace.security.api-keys[0].name",
                        "admin",
                        "trustspace.security.api-keys[0].sha256",
                        java.util.HexFormat.of().formatHex(io.trustspace.app.security.ApiKeyFilter.sha256(ADMIN_KEY)),
                        "trustspace.security.api-keys[0].roles",
                        "participant-admin",
                        "trustspace.dsp.interop-participant",
                        "urn:consumer",
                        "trustspace.dsp.allowed-sinks",
                        "http://127.0.0.1:" + sink.getAddress().getPort()));
        Path data = Files.write(dir.resolve("data.bin"), new byte[SIZE]);
        TestAssets.openFile(provider, "push-data", data);
        TestAssets.openFile(provider, "pull-data", Files.write(dir.resolve("bulk.bin"), new byte[PULL_SIZE]));
    }

    @AfterAll
    static void stop() {
        sink.stop(0);
        callback.stop(0);
        provider.close();
    }

    @BeforeEach
    void clear() {
        midway = null;
        retryAfter = null;
        script.clear();
        received.clear();
        keys.clear();
    }

    @Test
    void aDestinationDownForAWhile_getsTheDataOnceItIsBack_andOneUseIsCounted() throws Exception {
        script.addAll(List.of(503, 502));
        String agreementId = agreement();

        TransferProcess done = push(agreementId);

        assertThat(done.state()).isEqualTo(TransferState.COMPLETED);
        assertThat(received).containsExactly(SIZE, SIZE, SIZE);
        assertThat(uses(agreementId)).isEqualTo(1);
    }

    @Test
    void aPushStartingOverAfterARestart_deliversUnderTheSameUse_withTheSameIdempotencyKey() throws Exception {
        script.add(503);
        retryAfter = "60"; // the next attempt would come long after the restart
        String agreementId = agreement();
        String providerPid = requestPush(agreementId);
        Eventually.until(PUSH_WAIT, () -> received.size() == 1);

        provider.restart();

        Transfers transfers = provider.bean(Transfers.class);
        Eventually.until(
                PUSH_WAIT,
                () -> transfers.find(providerPid).orElseThrow().state().isFinal());
        assertThat(transfers.find(providerPid).orElseThrow().state()).isEqualTo(TransferState.COMPLETED);
        assertThat(received).containsExactly(SIZE, SIZE);
        assertThat(keys).containsExactly(providerPid, providerPid);
        assertThat(uses(agreementId)).isEqualTo(1);
    }

    @Test
    void aSuspensionWhileThePushedDataFlows_stopsThePush_andEndsIt() throws Exception {
        String agreementId = agreement("pull-data");
        midway = () -> {
            provider.bean(Agreements.class).setState(agreementId, "SUSPENDED");
            try {
                Thread.sleep(2 * UseWatch.INTERVAL.toMillis()); // the provider's next read comes after a watch is due
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        String providerPid = requestPush(agreementId);
        Transfers transfers = provider.bean(Transfers.class);
        Eventually.until(
                PUSH_WAIT,
                () -> transfers.find(providerPid).orElseThrow().state().isFinal());

        TransferProcess done = transfers.find(providerPid).orElseThrow();
        assertThat(done.state()).isEqualTo(TransferState.TERMINATED);
        assertThat(received).hasSize(1).allMatch(bytes -> bytes < PULL_SIZE);
        assertThat(String.join("; ", done.terminationReason()))
                .contains("access revoked while the data was flowing")
                .contains("not tried again: the agreement is SUSPENDED");
    }

    @Test
    void aDestinationRefusingTheData_endsTheTransferAtOnce() throws Exception {
        script.add(400);

        TransferProcess done = push(agreement());

        assertThat(done.state()).isEqualTo(TransferState.TERMINATED);
        assertThat(received).hasSize(1);
        assertThat(String.join("; ", done.terminationReason())).contains("attempt 1: the destination answered 400");
    }

    @Test
    void aDestinationThatStaysDown_endsTheTransferAfterTheLastAttempt_withEveryFailure() throws Exception {
        for (int i = 0; i < PushDelivery.MAX_ATTEMPTS; i++) {
            script.add(503);
        }

        TransferProcess done = push(agreement());

        assertThat(done.state()).isEqualTo(TransferState.TERMINATED);
        assertThat(received).hasSize(PushDelivery.MAX_ATTEMPTS);
        assertThat(done.terminationReason())
                .hasSize(PushDelivery.MAX_ATTEMPTS)
                .allMatch(reason -> reason.endsWith("the destination answered 503"));
    }

    @Test
    void aTransferTheConsumerSuspendsWhileTheDestinationIsDown_isNotPushedAgain() throws Exception {
        script.add(503);
        retryAfter = "3";
        String providerPid = requestPush(agreement());
        Eventually.until(PUSH_WAIT, () -> received.size() == 1);

        post(
                "/dsp/2025-1/transfers/" + providerPid + "/suspension",
                message("TransferSuspensionMessage")
                        .put("providerPid", providerPid)
                        .put(
                                "consumerPid",
                                provider.bean(Transfers.class)
                                        .find(providerPid)
                                        .orElseThrow()
                                        .consumerPid()),
                200);
        Thread.sleep(4_000); // past the pause the destination asked for

        assertThat(received).hasSize(1);
        assertThat(provider.bean(Transfers.class)
                        .find(providerPid)
                        .orElseThrow()
                        .state())
                .isEqualTo(TransferState.SUSPENDED);
    }

    @Test
    void aTransferTheProviderSuspended_isNotResumedByTheConsumer_butOneTheConsumerSuspendedIs() throws Exception {
        StartedPull pull = requestPull(agreement());
        Transfers transfers = provider.bean(Transfers.class);
        assertThat(transfers
                        .act(pull.providerPid(), t -> t.suspend("suspended", List.of(), Instant.now()))
                        .isOk())
                .isTrue();

        JsonNode refused = pull.send("TransferStartMessage", "start", 409);
        assertThat(refused.path("@type").asString()).isEqualTo("TransferError");
        assertThat(refused.path("reason").toString()).contains("only the provider resumes it");
        assertThat(transfers.find(pull.providerPid()).orElseThrow().state()).isEqualTo(TransferState.SUSPENDED);
        HttpResponse<InputStream> whileSuspended = pull.open();
        try (InputStream body = whileSuspended.body()) {
            assertThat(whileSuspended.statusCode())
                    .as("no data while suspended")
                    .isNotEqualTo(200);
        }

        // The provider resumes its own suspension; then one the consumer made, the consumer may resume.
        assertThat(transfers
                        .act(pull.providerPid(), t -> t.start(null, Instant.now()))
                        .isOk())
                .isTrue();
        pull.send("TransferSuspensionMessage", "suspension", 200);
        pull.send("TransferStartMessage", "start", 200);
        assertThat(transfers.find(pull.providerPid()).orElseThrow().state()).isEqualTo(TransferState.STARTED);
    }

    @Test
    void aSuspensionWhileThePulledDataFlows_stopsTheStream_andIsEvidenced() throws Exception {
        String agreementId = agreement("pull-data");
        long read = readAround(startPull(agreementId), () -> {
            provider.bean(Agreements.class).setState(agreementId, "SUSPENDED");
            // The provider is blocked on a full socket meanwhile; its next write comes after a watch is due.
            Thread.sleep(2 * UseWatch.INTERVAL.toMillis());
        });

        assertThat(read).isGreaterThanOrEqualTo(1024 * 1024).isLessThan(PULL_SIZE);
        Eventually.until(PUSH_WAIT, () -> outboxHolds("transfer.interrupted", agreementId));
        assertThat(outboxHolds("transfer.delivered", agreementId)).isFalse();
    }

    @Test
    void aTimeWindowClosingWhileThePulledDataFlows_stopsTheStream() throws Exception {
        Instant closes = Instant.now().plusSeconds(6); // room for the negotiation on a slow machine
        ObjectNode permission = JSON.createObjectNode().put("action", "use");
        permission
                .putArray("constraint")
                .addObject()
                .put("leftOperand", "dateTime")
                .put("operator", "lt")
                .putObject("rightOperand")
                .put("@value", closes.toString())
                .put("@type", "xsd:dateTime");
        TestAssets.file(provider, "window-data", dir.resolve("bulk.bin"), permission);
        String agreementId = agreement("window-data", permission);
        long read = readAround(
                startPull(agreementId),
                () -> Thread.sleep(
                        Math.max(0, Duration.between(Instant.now(), closes).toMillis())
                                + 2 * UseWatch.INTERVAL.toMillis()));

        assertThat(read).isGreaterThanOrEqualTo(1024 * 1024).isLessThan(PULL_SIZE);
        Eventually.until(PUSH_WAIT, () -> outboxHolds("transfer.interrupted", agreementId));
    }

    @Test
    void theDataPlanesOwnPort_answersNothingButPulls() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of(
                "/api/v1/transfers",
                "/dsp/2025-1/catalog/request",
                "/actuator/health",
                "/",
                DataPlane.PATH + "../../api/v1/transfers")) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dataPlanePort + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("serves only the data plane");
        }
        HttpResponse<String> tokenless = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dataPlanePort + DataPlane.PATH + "anything"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokenless.statusCode()).isEqualTo(401);
        assertThat(tokenless.body()).contains("token");
    }

    @Test
    void aRepeatedPullOfAnUnchangedFile_reusesItsDigest_andAnyChangeIsHashedAgain() throws Exception {
        Path file = dir.resolve("versions.bin");
        byte[] first = random(3 * FileSend.BUFFER + 17, 1);
        // Stored before the file exists, so that it is not hashed ahead (SourceHasher): this is about what sends do.
        TestAssets.openFile(provider, "versions-data", file);
        SourceHasher hasher = provider.bean(SourceHasher.class);
        Eventually.until(
                PUSH_WAIT,
                () -> !hasher.pending(file)); // it may still be busy with another file: its look must come first
        String agreementId = agreement("versions-data");

        // Written just now: hashed on every pull, as a write within the same timestamp tick would not show.
        Files.write(file, first);
        JsonNode fresh = pullAndReadItsRecord(agreementId, first.length);
        JsonNode stillFresh = pullAndReadItsRecord(agreementId, first.length);
        awaitSettled(file);
        JsonNode hashed = pullAndReadItsRecord(agreementId, first.length);
        JsonNode remembered = pullAndReadItsRecord(agreementId, first.length);

        for (JsonNode streamed : List.of(fresh, stillFresh, hashed)) {
            assertThat(streamed.path("digestOf").asString()).isEqualTo("stream");
            assertThat(streamed.path("digest").asString()).isEqualTo("INTL:" + sha256(first));
        }
        assertThat(remembered.path("digestOf").asString()).isEqualTo("source-version");
        assertThat(remembered.path("digest").asString()).isEqualTo("INTL:" + sha256(first));

        // Other bytes of the same size under the same modification time: only the change time tells.
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
        byte[] second = random(first.length, 2);
        Files.write(file, second);
        Files.setLastModifiedTime(file, modified);
        awaitSettled(file);
        JsonNode changed = pullAndReadItsRecord(agreementId, second.length);

        assertThat(changed.path("digestOf").asString()).isEqualTo("stream");
        assertThat(changed.path("digest").asString()).isEqualTo("INTL:" + sha256(second));
    }

    @Test
    void aFileStoredAsAnAsset_isHashedAhead_soEvenItsFirstPullSendsWithoutHashing() throws Exception {
        Path file = dir.resolve("published.bin");
        byte[] bytes = random(2 * FileSend.BUFFER + 5, 3);
        Files.write(file, bytes);
        awaitSettled(file);
        TestAssets.openFile(provider, "published-data", file);
        SourceDigests.Version version = SourceDigests.version(file).orElseThrow();
        SourceDigests digests = provider.bean(SourceDigests.class);
        Eventually.until(
                PUSH_WAIT,
                () -> digests.find("SHA-256", file, version, 0, bytes.length - 1)
                        .isPresent());

        JsonNode first = pullAndReadItsRecord(agreement("published-data"), bytes.length);

        assertThat(first.path("digestOf").asString()).isEqualTo("source-version");
        assertThat(first.path("digest").asString()).isEqualTo("INTL:" + sha256(bytes));
        // Kept for after a restart, too (a fresh SourceDigests is what a restarted node has).
        SourceDigests restarted = new SourceDigests(provider.bean(io.trustspace.common.jdbc.JdbcTransactions.class));
        assertThat(restarted.find("SHA-256", file, version, 0, bytes.length - 1))
                .hasValueSatisfying(
                        kept -> assertThat("INTL:" + java.util.HexFormat.of().formatHex(kept))
                                .isEqualTo(first.path("digest").asString()));
    }

    @Test
    void aSourceThisDataPlaneCouldNeverOpen_isRefusedWhenItIsRegistered() throws Exception {
        ObjectNode nul = JSON.createObjectNode().put("type", "File").put("endpoint", "/data/a\u0000b.csv");
        ObjectNode ftp = JSON.createObjectNode().put("type", "HttpData").put("endpoint", "ftp://127.0.0.1/x.csv");
        ObjectNode relative = JSON.createObjectNode().put("type", "HttpData").put("endpoint", "/x.csv");
        ObjectNode delete =
                JSON.createObjectNode().put("type", "PostgreSQL").put("endpoint", "jdbc:postgresql://127.0.0.1/db");
        delete.putObject("properties").put("query", "DELETE FROM t");
        for (ObjectNode address : List.of(nul, ftp, relative, delete)) {
            ObjectNode body =
                    JSON.createObjectNode().put("localId", "never-open").put("kind", "DATASET");
            body.set(
                    "metadata",
                    io.trustspace.catalog.resource.ResourceJson.write(
                            io.trustspace.catalog.resource.ResourceMetadata.titled(
                                    io.trustspace.catalog.resource.LocalizedText.of("打不开", "never open"))));
            body.set("dataAddress", address);

            HttpResponse<String> response =
                    provider.send(HttpRequest.newBuilder(URI.create(provider.url("/api/v1/resources")))
                            .header("X-Api-Key", ADMIN_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));

            assertThat(response.statusCode())
                    .as(address + ": " + response.body())
                    .isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            // NUL is refused at the door, before the data plane looks (WellFormedBodies); the rest by DataSources.
            assertThat(response.body()).containsAnyOf("dataAddress", "NUL");
        }
        assertThat(provider.bean(io.trustspace.app.catalog.AssetStore.class).find("never-open"))
                .isEmpty();
    }

    /** Waits (bounded: the settling time and a little) until the file's timestamps are old enough to be trusted. */
    private static void awaitSettled(Path file) throws Exception {
        java.nio.file.attribute.FileTime changed =
                (java.nio.file.attribute.FileTime) Files.getAttribute(file, "unix:ctime");
        long wait = Duration.between(Instant.now(), changed.toInstant().plus(SourceDigests.SETTLED))
                .toMillis();
        Thread.sleep(Math.max(0, wait) + 100);
    }

    @Test
    void aFileCutShortWhileItIsPulled_breaksTheDownload_andIsEvidenced() throws Exception {
        Path file = Files.write(dir.resolve("shrinking.bin"), new byte[PULL_SIZE]);
        TestAssets.openFile(provider, "shrinking-data", file);

        cutShortWhilePulled(file, "shrinking-data");
    }

    /**
     * Hashed ahead, so its pull sends the file's mapped pages (FileSend): reading one past the new end faults, and
     * that must read as the file shrinking, like a short read, with the node still standing.
     */
    @Test
    void aHashedAheadFileCutShortWhileItIsPulled_breaksTheDownload_andIsEvidenced() throws Exception {
        Path file = Files.write(dir.resolve("shrinking-mapped.bin"), random(PULL_SIZE, 4));
        awaitSettled(file);
        TestAssets.openFile(provider, "shrinking-mapped-data", file);
        SourceDigests.Version version = SourceDigests.version(file).orElseThrow();
        SourceDigests digests = provider.bean(SourceDigests.class);
        Eventually.until(
                PUSH_WAIT,
                () -> digests.find("SHA-256", file, version, 0, PULL_SIZE - 1).isPresent());

        cutShortWhilePulled(file, "shrinking-mapped-data");

        byte[] after = random(3 * FileSend.BUFFER, 5);
        Files.write(file, after);
        assertThat(pullAndReadItsRecord(agreement("shrinking-mapped-data"), after.length)
                        .path("digest")
                        .asString())
                .isEqualTo("INTL:" + sha256(after));
    }

    /** Pulls the file's dataset and truncates the file to 2 MiB once 1 MiB has arrived. */
    private static void cutShortWhilePulled(Path file, String datasetId) throws Exception {
        String agreementId = agreement(datasetId);
        long read = readAround(startPull(agreementId), () -> {
            try (java.nio.channels.FileChannel truncate =
                    java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                truncate.truncate(2 * 1024 * 1024);
            }
        });

        assertThat(read).isGreaterThanOrEqualTo(1024 * 1024).isLessThan(PULL_SIZE);
        Eventually.until(PUSH_WAIT, () -> outboxHolds("transfer.interrupted", agreementId));
        assertThat(outboxHolds("transfer.delivered", agreementId)).isFalse();
        JsonNode interrupted = JSON.readTree(new String(
                keptPayload(lastRecord("transfer.interrupted", agreementId)), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(interrupted.path("reason").asString()).startsWith("the source shrank while it was sent");
    }

    @Test
    void aPullTheClientAbandons_isEvidencedAsInterrupted_withWhatLeft() throws Exception {
        String agreementId = agreement("pull-data");
        try (InputStream body = startPull(agreementId).body()) {
            assertThat(body.readNBytes(1024 * 1024)).hasSize(1024 * 1024);
        }

        Eventually.until(PUSH_WAIT, () -> outboxHolds("transfer.interrupted", agreementId));
        assertThat(outboxHolds("transfer.delivered", agreementId)).isFalse();
        JsonNode interrupted = JSON.readTree(new String(
                keptPayload(lastRecord("transfer.interrupted", agreementId)), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(interrupted.path("reason").asString()).startsWith("the client left");
        assertThat(interrupted.path("bytes").asLong())
                .isGreaterThanOrEqualTo(1024 * 1024)
                .isLessThan(PULL_SIZE);
    }

    @Test
    void aHeadRequest_isRefused_andSpendsNoUse() throws Exception {
        String agreementId = agreement("pull-data");
        HttpResponse<InputStream> pull = startPull(agreementId);
        pull.body().close();
        long before = uses(agreementId);

        HttpResponse<String> head = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(pull.uri())
                                .header(
                                        "Authorization",
                                        pull.request()
                                                .headers()
                                                .firstValue("Authorization")
                                                .orElseThrow())
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).hasValue("GET");
        assertThat(uses(agreementId)).isEqualTo(before);
    }

    /**
     * Pulls the agreement's data whole, then reads the provider's {@code transfer.delivered} record of it through
     * the evidence API, checking that the payload kept with it still hashes to the record's digest; the payload.
     */
    private static JsonNode pullAndReadItsRecord(String agreementId, long size) throws Exception {
        HttpResponse<InputStream> pull = startPull(agreementId);
        String path = pull.uri().getPath();
        String transferId = path.substring(path.lastIndexOf('/') + 1);
        try (InputStream body = pull.body()) {
            assertThat(drain(body)).isEqualTo(size);
        }
        String[] recordId = new String[1];
        Eventually.until(PUSH_WAIT, () -> (recordId[0] = lastRecord("transfer.delivered", transferId)) != null);
        HttpResponse<String> response =
                provider.send(HttpRequest.newBuilder(URI.create(provider.url("/api/v1/evidence/" + recordId[0])))
                        .header("X-Api-Key", ADMIN_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode kept = JSON.readTree(response.body());
        assertThat(kept.path("record").path("type").asString()).isEqualTo("transfer.delivered");
        assertThat(kept.path("payloadVerified").asBoolean()).isTrue();
        assertThat(kept.path("payload").path("bytes").asLong()).isEqualTo(size);
        return kept.path("payload");
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The payload the provider keeps beside evidence record {@code recordId}. */
    private static byte[] keptPayload(String recordId) {
        try (Connection connection = provider.bean(javax.sql.DataSource.class).getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT payload FROM evidence_outbox WHERE record_id = ?")) {
            select.setString(1, recordId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("record %s", recordId).isTrue();
                return row.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the newest evidence record of {@code type} naming {@code subject}, or null. */
    private static String lastRecord(String type, String subject) {
        try (Connection connection = provider.bean(javax.sql.DataSource.class).getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT record_id FROM evidence_outbox"
                        + " WHERE type = ? AND ? = ANY(subjects) ORDER BY seq DESC LIMIT 1")) {
            select.setString(1, type);
            select.setString(2, subject);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started HttpData-PULL as the consumer holds it: the pids, and the endpoint and token the provider sent. */
    private record StartedPull(String providerPid, String consumerPid, URI endpoint, String token) {
        HttpResponse<InputStream> open() throws Exception {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(endpoint)
                                    .header("Authorization", token)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
        }

        JsonNode send(String type, String path, int expected) {
            return post(
                    "/dsp/2025-1/transfers/" + providerPid + "/" + path,
                    message(type).put("providerPid", providerPid).put("consumerPid", consumerPid),
                    expected);
        }
    }

    /** Requests an HttpData-PULL of the agreement's data the DSP way and waits for the provider's start. */
    private static StartedPull requestPull(String agreementId) throws Exception {
        String consumerPid = "urn:uuid:" + UUID.randomUUID();
        ObjectNode request = message("TransferRequestMessage")
                .put("consumerPid", consumerPid)
                .put("agreementId", agreementId)
                .put("format", "HttpData-PULL")
                .put("callbackAddress", callbackAddress());
        String providerPid = post("/dsp/2025-1/transfers/request", request, 201)
                .path("providerPid")
                .asString();
        JsonNode address = starts.computeIfAbsent(consumerPid, pid -> new CompletableFuture<>())
                .get(30, TimeUnit.SECONDS)
                .path("dataAddress");
        String token = null;
        for (JsonNode property : address.path("endpointProperties")) {
            if (property.path("name").asString().equals("authorization")) {
                token = property.path("value").asString();
            }
        }
        URI endpoint = URI.create(address.path("endpoint").asString());
        assertThat(endpoint.getPort()).isEqualTo(dataPlanePort);
        return new StartedPull(providerPid, consumerPid, endpoint, token);
    }

    /** Starts an HttpData-PULL of the agreement's data and opens its stream, the DSP way (endpoint and token). */
    private static HttpResponse<InputStream> startPull(String agreementId) throws Exception {
        HttpResponse<InputStream> pull = requestPull(agreementId).open();
        assertThat(pull.statusCode()).isEqualTo(200);
        return pull;
    }

    /** What a test does while a pull is under way. */
    private interface Meanwhile {
        void run() throws Exception;
    }

    /**
     * Reads a pull's first MiB, does {@code meanwhile}, then reads whatever else still comes (bounded); the bytes
     * read in all.
     */
    private static long readAround(HttpResponse<InputStream> pull, Meanwhile meanwhile) throws Exception {
        try (InputStream body = pull.body()) {
            long read = body.readNBytes(1024 * 1024).length;
            meanwhile.run();
            return read + CompletableFuture.supplyAsync(() -> drain(body)).get(30, TimeUnit.SECONDS);
        }
    }

    /** How many uses the provider has counted under the agreement. */
    private static long uses(String agreementId) {
        return provider.bean(Agreements.class).find(agreementId).orElseThrow().uses();
    }

    /** Reads until the stream ends or breaks (bounded by the request's timeout); the bytes read. */
    private static long drain(InputStream body) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (IOException broken) {
            // The provider cut the stream: what matters is how much arrived.
        }
        return total;
    }

    private static boolean outboxHolds(String type, String agreementId) {
        try (Connection connection = provider.bean(javax.sql.DataSource.class).getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM evidence_outbox WHERE type = ? AND ? = ANY(subjects)")) {
            select.setString(1, type);
            select.setString(2, agreementId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pausesDouble_andARetryAfterIsHonouredUpToTheCap() {
        assertThat(PushDelivery.pause(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PushDelivery.pause(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(PushDelivery.pause(1, PushDelivery.retryAfter(java.util.Optional.of(" 7 "))))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(PushDelivery.pause(1, PushDelivery.retryAfter(java.util.Optional.of("86400"))))
                .isEqualTo(PushDelivery.MAX_PAUSE);
        assertThat(PushDelivery.retryAfter(java.util.Optional.of("Wed, 21 Oct 2026 07:28:00 GMT")))
                .isNull();
    }

    private static String agreement() throws Exception {
        return agreement("push-data");
    }

    private static String agreement(String dataset) throws Exception {
        return agreement(dataset, JSON.createObjectNode().put("action", "use"));
    }

    /** Negotiates {@code dataset}, offered with {@code permission}, as the interoperability consumer; the agreement. */
    private static String agreement(String dataset, ObjectNode permission) throws Exception {
        String consumerPid = "urn:uuid:" + UUID.randomUUID();
        ObjectNode request = message("ContractRequestMessage")
                .put("consumerPid", consumerPid)
                .put("callbackAddress", callbackAddress());
        ObjectNode offer = request.putObject("offer")
                .put("@id", dataset + ":offer:1")
                .put("@type", "Offer")
                .put("target", dataset);
        offer.putArray("permission").add(permission);
        JsonNode requested = post("/dsp/2025-1/negotiations/request", request, 201);
        String providerPid = requested.path("providerPid").asString();
        Negotiations negotiations = provider.bean(Negotiations.class);
        Eventually.until(
                PUSH_WAIT, () -> negotiations.find(providerPid).orElseThrow().state() == NegotiationState.AGREED);
        post(
                "/dsp/2025-1/negotiations/" + providerPid + "/agreement/verification",
                message("ContractAgreementVerificationMessage")
                        .put("providerPid", providerPid)
                        .put("consumerPid", consumerPid),
                200);
        Eventually.until(
                PUSH_WAIT, () -> negotiations.find(providerPid).orElseThrow().state() == NegotiationState.FINALIZED);
        return negotiations.find(providerPid).orElseThrow().agreement().id();
    }

    /** Requests a push of the agreement's data to the sink; the transfer once it ended. */
    private static TransferProcess push(String agreementId) throws Exception {
        String providerPid = requestPush(agreementId);
        Transfers transfers = provider.bean(Transfers.class);
        Eventually.until(
                PUSH_WAIT,
                () -> transfers.find(providerPid).orElseThrow().state().isFinal());
        return transfers.find(providerPid).orElseThrow();
    }

    /** Requests a push of the agreement's data to the sink; the provider's pid of the transfer. */
    private static String requestPush(String agreementId) {
        ObjectNode request = message("TransferRequestMessage")
                .put("consumerPid", "urn:uuid:" + UUID.randomUUID())
                .put("agreementId", agreementId)
                .put("format", "HttpData-PUSH")
                .put("callbackAddress", callbackAddress());
        ObjectNode address = request.putObject("dataAddress")
                .put("@type", "DataAddress")
                .put("endpointType", DataPlane.HTTP_ENDPOINT_TYPE)
                .put("endpoint", "http://127.0.0.1:" + sink.getAddress().getPort() + "/inbox");
        address.putArray("endpointProperties")
                .addObject()
                .put("@type", "EndpointProperty")
                .put("name", DataPlane.PURPOSE_PROPERTY)
                .put("value", "research");
        return post("/dsp/2025-1/transfers/request", request, 201)
                .path("providerPid")
                .asString();
    }

    private static ObjectNode message(String type) {
        ObjectNode message = JSON.createObjectNode();
        message.putArray("@context").add(CONTEXT);
        return message.put("@type", type);
    }

    private static String callbackAddress() {
        return "http://127.0.0.1:" + callback.getAddress().getPort() + "/dsp";
    }

    private static JsonNode post(String path, JsonNode body, int expected) {
        HttpResponse<String> response = provider.send(HttpRequest.newBuilder(URI.create(provider.url(path)))
                .header("Authorization", "{\"clientId\":\"urn:consumer\"}")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
