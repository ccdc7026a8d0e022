package io.trustspace.app.contract;

import io.trustspace.common.Result;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the {@link DspOutbox}. A message enqueued through {@link #enqueue} for a process with nothing else pending
 * is sent by a sender thread right after its transaction commits (after our answer, when the transaction received a
 * DSP message: {@link ReplyFirstFilter}), without a round through the outbox query; the
 * loop claims, every {@value #IDLE_MS} ms, whenever a delivery leaves a process's next message waiting and whenever a
 * message is queued behind another, what is left: retries, messages queued behind others, delayed ones, and what a
 * restart left behind. The last two wake-ups together mean a queued message does not wait for the idle tick, whichever
 * of "its predecessor delivered" and "it committed" comes first (see {@link DspOutbox#delivered} for the one instant
 * they do not cover).
 *
 * <p>Retries: a connection failure, 5xx or 401 backs off exponentially up to {@link #MAX_ATTEMPTS} attempts; a 404 or
 * 409 is retried quickly a few times (a peer that registers its handler just after answering the previous message —
 * the DSP TCK does — or whose state machine has not yet taken in our answer — EDC does); any other 4xx is final. A final failure is reported to {@link Listener#failed}, which terminates
 * the process locally. The reply to an initial request goes to {@link Listener#replied}.
 */
public final class DspDispatcher implements AutoCloseable {

    /** What the contract services do with delivery outcomes. */
    public interface Listener {
        void replied(DspOutbox.Pending message, JsonNode reply);

        void failed(DspOutbox.Pending message, String reason);
    }

    static final int IDLE_MS = 250;
    static final int MAX_ATTEMPTS = 12;
    static final int MAX_QUICK_ATTEMPTS = 15;
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final int BATCH = 256;

    private static final Logger log = LoggerFactory.getLogger(DspDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DspOutbox outbox;
    private final HttpClient http;
    private final Function<String, Result<String>> authorization;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService senders;
    private final Thread loop;
    private final long idleMillis;
    private volatile Listener listener;
    private volatile boolean running = true;

    /**
     * @param authorization the Authorization header value for a counterparty id (a fresh access token for a DID)
     */
    public DspDispatcher(
            DspOutbox outbox,
            HttpClient http,
            Function<String, Result<String>> authorization,
            int senderThreads,
            Clock clock) {
        this(outbox, http, authorization, senderThreads, clock, Duration.ofMillis(IDLE_MS));
    }

    /** {@code idle}: how long the loop sleeps when nobody wakes it (tests make it long, to see who does). */
    DspDispatcher(
            DspOutbox outbox,
            HttpClient http,
            Function<String, Result<String>> authorization,
            int senderThreads,
            Clock clock,
            Duration idle) {
        this.idleMillis = idle.toMillis();
        this.outbox = outbox;
        this.http = http;
        this.authorization = authorization;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(senderThreads, runnable -> {
            Thread thread = new Thread(runnable, "dsp-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new Thread(this::run, "dsp-dispatcher");
        this.loop.setDaemon(true);
    }

    public void listen(Listener newListener) {
        this.listener = newListener;
    }

    /**
     * Starts the loop. Messages leased before this start (by a node that died mid-send, most likely this one) are
     * due at once rather than when their lease runs out: a restart resumes sending without waiting up to
     * {@link #LEASE}. Were another replica still sending one of them, the receiver sees a repeat, which is a no-op.
     */
    public void start() {
        outbox.releaseLeases(clock.instant());
        loop.start();
    }

    /**
     * Puts a message in the caller's transaction. If it can go at once it is sent after the commit; otherwise the
     * loop delivers it in its process's order.
     */
    public void enqueue(String processId, String target, String audience, String type, JsonNode body, Instant at) {
        outbox.enqueue(processId, target, audience, type, body, at, clock.instant(), LEASE)
                .ifPresentOrElse(
                        message -> outbox.afterCommit(() -> send(message)),
                        // Queued behind a message in flight: its delivery may have looked for successors before this
                        // commit, so the loop looks once more after it.
                        () -> outbox.afterCommit(this::wake));
    }

    private void send(DspOutbox.Pending message) {
        ReplyFirstFilter.send(() -> {
            try {
                senders.execute(() -> deliver(message));
            } catch (RejectedExecutionException e) {
                // Shutting down: the next start releases the lease and sends it.
            }
        });
    }

    /** Look at the outbox now rather than at the next idle tick. */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(idleMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                List<DspOutbox.Pending> due;
                do {
                    due = outbox.claim(BATCH, clock.instant(), LEASE);
                    for (DspOutbox.Pending message : due) {
                        senders.execute(() -> deliver(message));
                    }
                } while (due.size() == BATCH && running);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("dsp outbox round failed: {}", e.toString());
            }
        }
    }

    private void deliver(DspOutbox.Pending message) {
        try {
            Result<String> auth = authorization.apply(message.audience());
            if (auth instanceof Result.Failure<String> failure) {
                retry(message, "no credentials for " + message.audience() + ": " + failure.reason(), false);
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(message.target()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", auth.orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString(message.body().toString(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                boolean more = outbox.delivered(message.id());
                byte[] body = response.body();
                if (body.length > 0 && listener != null) {
                    JsonNode reply;
                    try {
                        reply = JSON.readTree(body);
                    } catch (RuntimeException e) {
                        reply = null;
                    }
                    if (reply != null) {
                        listener.replied(message, reply);
                    }
                }
                if (more) {
                    wake();
                }
                return;
            }
            String reason = message.type() + " to " + message.target() + " answered " + status + ": "
                    + new String(response.body(), StandardCharsets.UTF_8);
            // 404: a peer that registers its handler just after answering (the DSP TCK); 409: a peer whose own
            // state machine has not yet taken in our answer to its last message (EDC moves its transfer from
            // REQUESTING to REQUESTED on a later tick and refuses our start until then). Both pass in moments.
            if (status == 404 || status == 409) {
                if (message.attempts() + 1 >= MAX_QUICK_ATTEMPTS) {
                    fail(message, reason);
                } else {
                    outbox.retryAt(message.id(), clock.instant().plusMillis(200), reason);
                    wake();
                }
            } else if (status >= 500 || status == 429 || status == 408 || status == 401) {
                // 401 too: a peer that cannot yet check our credential (its operator's DID document unreachable
                // while a space restarts) refuses a token that will verify a moment later. Our token is fresh on
                // every attempt, so a real refusal stays a refusal and ends after the last attempt.
                retry(message, reason, true);
            } else {
                fail(message, reason);
            }
        } catch (IOException e) {
            retry(message, message.type() + " to " + message.target() + ": " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("delivering {} failed: {}", message.type(), e.toString());
            retry(message, e.toString(), true);
        }
    }

    private void retry(DspOutbox.Pending message, String reason, boolean backOff) {
        if (message.attempts() + 1 >= MAX_ATTEMPTS) {
            fail(message, reason);
            return;
        }
        long delay = backOff ? Math.min(30_000L, 250L << Math.min(message.attempts(), 7)) : 1_000L;
        outbox.retryAt(message.id(), clock.instant().plusMillis(delay), reason);
    }

    private void fail(DspOutbox.Pending message, String reason) {
        log.warn("giving up on {} for process {}: {}", message.type(), message.processId(), reason);
        outbox.failed(message.id(), reason);
        if (listener != null) {
            listener.failed(message, reason);
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        senders.shutdownNow();
    }
}
