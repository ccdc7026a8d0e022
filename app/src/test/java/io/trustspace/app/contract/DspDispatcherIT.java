package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trustspace.app.testing.Eventually;
import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the dispatcher treats a peer's answers, over real HTTP with the outbox in PostgreSQL: a 409 (a peer whose state
 * machine has not yet taken in our last answer, as EDC does with a transfer start) or 404 is retried for a few
 * seconds and then delivered; another 4xx ends the process at once; a 409 that does not pass ends it too.
 */
class DspDispatcherIT {

    private static final JsonNode BODY = JsonMapper.builder().build().readTree("{\"@type\":\"TransferStartMessage\"}");

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private HttpServer peer;
    private DspDispatcher dispatcher;
    private JdbcTransactions transactions;
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> delivered = new CompletableFuture<>();
    private volatile int refusalsBeforeSuccess;
    private volatile int refusal;

    @BeforeEach
    void start() throws IOException, SQLException {
        database.execute("DELETE FROM dsp_outbox");
        peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (attempts.incrementAndGet() <= refusalsBeforeSuccess) {
                    byte[] error = "{\"@type\":\"TransferError\"}".getBytes();
                    exchange.sendResponseHeaders(refusal, error.length);
                    exchange.getResponseBody().write(error);
                } else {
                    exchange.sendResponseHeaders(200, -1);
                    delivered.complete(null);
                }
            }
        });
        peer.start();
        transactions = database.transactions();
        dispatcher = new DspDispatcher(
                new DspOutbox(transactions),
                HttpClient.newHttpClient(),
                audience -> Result.ok("Bearer test"),
                2,
                Clock.systemUTC());
        dispatcher.listen(new DspDispatcher.Listener() {
            @Override
            public void replied(DspOutbox.Pending message, JsonNode reply) {}

            @Override
            public void failed(DspOutbox.Pending message, String reason) {
                failures.add(reason);
            }
        });
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        dispatcher.close();
        peer.stop(0);
    }

    @Test
    void aConflictThatPasses_isRetried_andTheMessageDelivered() throws Exception {
        refusal = 409;
        refusalsBeforeSuccess = 3;

        send();

        delivered.get(20, TimeUnit.SECONDS);
        assertThat(attempts).hasValue(4);
        // The peer has answered 200; the dispatcher deletes the row once it has read that answer.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pending()).isZero();
        assertThat(failures).isEmpty();
    }

    @Test
    void anotherRefusal_endsTheProcessAtOnce() throws Exception {
        refusal = 400;
        refusalsBeforeSuccess = Integer.MAX_VALUE;

        send();

        awaitFailure();
        assertThat(attempts).hasValue(1);
        assertThat(failures).singleElement().asString().contains("answered 400");
    }

    @Test
    void aConflictThatDoesNotPass_endsTheProcess_afterAFewSeconds() throws Exception {
        refusal = 409;
        refusalsBeforeSuccess = Integer.MAX_VALUE;

        send();

        awaitFailure();
        assertThat(attempts).hasValue(DspDispatcher.MAX_QUICK_ATTEMPTS);
        assertThat(failures).singleElement().asString().contains("answered 409");
    }

    /**
     * A message queued behind one in flight, committed only after that one's delivery has looked for successors:
     * neither side sees the other then, and only the wake-up after the commit keeps it from waiting for the idle
     * tick. The tick is an hour here, so without that wake-up the message would not go at all within the test.
     */
    @Test
    void aMessageQueuedBehindOneInFlight_goesOnceItsPredecessorIsDelivered_evenIfItCommitsAfterThatDelivery()
            throws Exception {
        dispatcher.close();
        java.util.concurrent.CountDownLatch answerFirst = new java.util.concurrent.CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        peer.createContext("/ordered/", exchange -> {
            try (exchange) {
                String body =
                        new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                received.add(body);
                if (body.contains("first")) {
                    answerFirst.await(20, TimeUnit.SECONDS);
                    // A body, so that the dispatcher tells its listener: only after it looked for successors.
                    byte[] reply = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, reply.length);
                    exchange.getResponseBody().write(reply);
                } else {
                    second.complete(null);
                    exchange.sendResponseHeaders(200, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        DspOutbox outbox = new DspOutbox(transactions);
        dispatcher = new DspDispatcher(
                outbox,
                HttpClient.newHttpClient(),
                audience -> Result.ok("Bearer test"),
                2,
                Clock.systemUTC(),
                Duration.ofHours(1));
        CompletableFuture<Void> firstLookedForMore = new CompletableFuture<>();
        dispatcher.listen(new DspDispatcher.Listener() {
            @Override
            public void replied(DspOutbox.Pending message, JsonNode reply) {
                firstLookedForMore.complete(null);
            }

            @Override
            public void failed(DspOutbox.Pending message, String reason) {
                failures.add(reason);
            }
        });
        dispatcher.start();
        String target = "http://127.0.0.1:" + peer.getAddress().getPort() + "/ordered/";

        transactions.inTransaction(() -> {
            dispatcher.enqueue("process-2", target + "1", "did:web:peer", "M", message("first"), Instant.now());
            return null;
        });
        Eventually.until(Duration.ofSeconds(20), () -> received.size() == 1);
        transactions.inTransaction(() -> {
            dispatcher.enqueue("process-2", target + "2", "did:web:peer", "M", message("second"), Instant.now());
            // Only now is the first one answered, deleted and its successors looked for; this one is not committed.
            answerFirst.countDown();
            try {
                firstLookedForMore.get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });

        second.get(20, TimeUnit.SECONDS);
        assertThat(received).hasSize(2);
        assertThat(failures).isEmpty();
        Eventually.until(Duration.ofSeconds(20), () -> pending() == 0);
    }

    private static JsonNode message(String text) {
        return JsonMapper.builder().build().createObjectNode().put("@type", "M").put("text", text);
    }

    private void send() {
        transactions.inTransaction(() -> {
            dispatcher.enqueue(
                    "process-1",
                    "http://127.0.0.1:" + peer.getAddress().getPort() + "/transfers/t/start",
                    "did:web:peer",
                    "TransferStartMessage",
                    BODY,
                    Clock.systemUTC().instant());
            return null;
        });
    }

    private void awaitFailure() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static int pending() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM dsp_outbox")) {
            count.next();
            return count.getInt(1);
        }
    }
}
