package io.trustspace.app.contract;

import io.trustspace.app.catalog.Asset;
import io.trustspace.app.catalog.AssetStore;
import io.trustspace.common.Result;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferState;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * HttpData-PUSH: once a push transfer is STARTED, the provider streams the source to the consumer's endpoint (POST)
 * — after usage control allowed this use, and after checking the endpoint again (its DNS may have changed since the
 * request) — then completes the transfer, or terminates it with the reason. Memory stays constant whatever the size;
 * what was sent is evidenced like a pull ({@code transfer.delivered}, with the destination and the attempts).
 *
 * <p>A destination that is down, overloaded or unreachable (a connection failure, 408, 429, 5xx) is tried again, up
 * to {@value #MAX_ATTEMPTS} attempts with growing pauses (or the {@code Retry-After} it asks for, up to
 * {@link #MAX_PAUSE}); any other answer ends the transfer at once. The retries belong to the one use counted for the
 * transfer, and stop as soon as the transfer or its agreement no longer allows delivery. Retries are held in memory:
 * after a restart the push starts over under the same use (at least once: the destination may see a repeat, with
 * the same {@code Idempotency-Key}).
 */
public final class PushDelivery implements AutoCloseable {

    static final int MAX_ATTEMPTS = 4;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transfers transfers;
    private final UsageControl usage;
    private final AssetStore assets;
    private final SinkPolicy sinks;
    private final HttpClient http;
    private final CryptoSuite suite;
    private final EvidenceRecorder evidence;
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "push-retry");
        thread.setDaemon(true);
        return thread;
    });

    public PushDelivery(
            Transfers transfers,
            UsageControl usage,
            AssetStore assets,
            SinkPolicy sinks,
            HttpClient http,
            CryptoSuite suite,
            EvidenceRecorder evidence) {
        this.suite = suite;
        this.evidence = evidence;
        this.transfers = transfers;
        this.usage = usage;
        this.assets = assets;
        this.sinks = sinks;
        this.http = http;
    }

    /** What one push delivers: decided once, sent in one or more attempts. */
    private record Delivery(String transferId, String sink, UsageControl.Permit permit, Asset asset) {}

    /** One attempt's outcome: what was delivered, or why not and whether another attempt may help (and when). */
    private record Attempt(Map<String, Object> delivered, String failure, boolean retryable, Duration retryAfter) {
        static Attempt failed(String failure, boolean retryable) {
            return new Attempt(null, failure, retryable, null);
        }
    }

    /**
     * Pushes the data of started transfer {@code transferId}: completes it — with what was delivered (bytes, digest,
     * destination, attempts) evidenced in the same transaction — terminates it with the reasons, or, after a
     * transient failure, leaves it STARTED with the next attempt scheduled.
     */
    public Result<TransferProcess> deliver(String transferId) {
        Result<Delivery> delivery = prepare(transferId);
        if (delivery instanceof Result.Failure<Delivery> failure) {
            return terminate(transferId, List.of(failure.reason()));
        }
        return attempt(delivery.orElseThrow(), 1, List.of());
    }

    private Result<Delivery> prepare(String transferId) {
        Optional<TransferProcess> transfer = transfers.find(transferId);
        if (transfer.isEmpty() || transfer.get().dataAddress() == null) {
            return Result.invalid("push transfer " + transferId + " has no destination");
        }
        String sink = transfer.get().dataAddress().endpoint();
        Optional<String> refused = sinks.refused(sink);
        if (refused.isPresent()) {
            return Result.forbidden(refused.get());
        }
        String purpose = transfer.get().dataAddress().endpointProperties().stream()
                .filter(property -> property.name().equals(DataPlane.PURPOSE_PROPERTY))
                .map(io.trustspace.contract.message.EndpointProperty::value)
                .findFirst()
                .orElse(null);
        Result<UsageControl.Permit> permit = usage.accessOnce(transferId, purpose);
        if (permit instanceof Result.Failure<UsageControl.Permit> failure) {
            return failure.cast();
        }
        Optional<Asset> asset = assets.find(permit.orElseThrow().agreement().datasetId());
        if (asset.isEmpty()) {
            return Result.unavailable("the dataset is no longer held here");
        }
        return Result.ok(new Delivery(transferId, sink, permit.orElseThrow(), asset.get()));
    }

    private Result<TransferProcess> attempt(Delivery delivery, int number, List<String> earlier) {
        Attempt outcome = send(delivery);
        if (outcome.delivered() != null) {
            Map<String, Object> delivered = outcome.delivered();
            delivered.put("attempts", number);
            return transfers.act(delivery.transferId(), t -> {
                evidence.record(
                        "transfer.delivered",
                        List.of(t.agreementId(), t.id()),
                        JSON.writeValueAsString(delivered).getBytes(StandardCharsets.UTF_8));
                return t.complete(java.time.Instant.now());
            });
        }
        List<String> failures = new ArrayList<>(earlier);
        failures.add("attempt " + number + ": " + outcome.failure());
        if (outcome.retryable() && number < MAX_ATTEMPTS) {
            Optional<Result<TransferProcess>> stopped = stopped(delivery, failures);
            if (stopped.isPresent()) {
                return stopped.get();
            }
            Duration pause = pause(number, outcome.retryAfter());
            log.info(
                    "push of transfer {} failed ({}); attempt {} of {} in {} ms",
                    delivery.transferId(),
                    outcome.failure(),
                    number + 1,
                    MAX_ATTEMPTS,
                    pause.toMillis());
            retries.schedule(() -> retry(delivery, number + 1, failures), pause.toMillis(), TimeUnit.MILLISECONDS);
            return transfers
                    .find(delivery.transferId())
                    .<Result<TransferProcess>>map(Result::ok)
                    .orElseGet(() -> Result.notFound("no transfer " + delivery.transferId()));
        }
        return terminate(delivery.transferId(), failures);
    }

    /**
     * Whether the delivery must not go on, and its end: a transfer the consumer suspended or ended is left as it is
     * (a resumed transfer is pushed afresh); one whose agreement is no longer in force is terminated.
     */
    private Optional<Result<TransferProcess>> stopped(Delivery delivery, List<String> failures) {
        Optional<String> revoked = usage.revoked(delivery.permit());
        if (revoked.isEmpty()) {
            return Optional.empty();
        }
        log.info("push of transfer {} stopped: {}", delivery.transferId(), revoked.get());
        Optional<TransferProcess> transfer = transfers.find(delivery.transferId());
        if (transfer.isPresent() && transfer.get().state() != TransferState.STARTED) {
            return Optional.of(Result.ok(transfer.get()));
        }
        List<String> reasons = new ArrayList<>(failures);
        reasons.add("not tried again: " + revoked.get());
        return Optional.of(terminate(delivery.transferId(), reasons));
    }

    private void retry(Delivery delivery, int number, List<String> earlier) {
        try {
            Optional<Result<TransferProcess>> stopped = stopped(delivery, earlier);
            Result<TransferProcess> result = stopped.isPresent() ? stopped.get() : attempt(delivery, number, earlier);
            if (result instanceof Result.Failure<TransferProcess> failure) {
                log.warn("push of transfer {} ended: {}", delivery.transferId(), failure.reason());
            }
        } catch (RuntimeException e) {
            log.warn("push of transfer {} failed: {}", delivery.transferId(), e.toString());
        }
    }

    /** The pause before attempt {@code number + 1}: doubling from {@link #FIRST_PAUSE}, or what the destination asked. */
    static Duration pause(int number, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : retryAfter;
        }
        return FIRST_PAUSE.multipliedBy(1L << Math.min(number - 1, 10));
    }

    private Result<TransferProcess> terminate(String transferId, List<String> reasons) {
        return transfers.act(transferId, t -> t.terminate("push-failed", reasons, java.time.Instant.now()));
    }

    private Attempt send(Delivery delivery) {
        // Checked again before every attempt: the name may resolve elsewhere by now.
        Optional<String> refused = sinks.refused(delivery.sink());
        if (refused.isPresent()) {
            return Attempt.failed(refused.get(), false);
        }
        MessageDigest digest = suite.newDigest();
        UseWatch watch = new UseWatch(() -> usage.revoked(delivery.permit()));
        try (Measured source = new Measured(open(delivery.asset()), digest, watch)) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(delivery.sink()))
                            .timeout(Duration.ofMinutes(30))
                            .header("Content-Type", "application/octet-stream")
                            // The same for every attempt, also after a restart: a destination can drop a repeat.
                            .header("Idempotency-Key", delivery.transferId())
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> source))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 != 2) {
                boolean retryable = status == 408 || status == 429 || status / 100 == 5;
                return new Attempt(
                        null,
                        "the destination answered " + status,
                        retryable,
                        retryAfter(response.headers().firstValue("Retry-After")));
            }
            UsageControl.Permit permit = delivery.permit();
            Map<String, Object> delivered = permit.evidenceOfUse();
            delivered.put("bytes", source.count);
            delivered.put("digest", DataPlane.dataDigest(suite, digest.digest()));
            delivered.put("destination", delivery.sink());
            return new Attempt(delivered, null, false, null);
        } catch (IOException e) {
            return Attempt.failed("pushing to the destination failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted", false);
        }
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is ignored: the doubling pause applies). */
    static Duration retryAfter(Optional<String> header) {
        if (header.isEmpty() || !header.get().strip().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.get().strip()));
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }

    /** What the destination was sent: counted and hashed as it is read; stops when the use stops holding. */
    private static final class Measured extends FilterInputStream {
        private final MessageDigest digest;
        private final UseWatch watch;
        long count;

        Measured(InputStream in, MessageDigest digest, UseWatch watch) {
            super(in);
            this.digest = digest;
            this.watch = watch;
        }

        @Override
        public int read() throws IOException {
            watch.check();
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            watch.check();
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                digest.update(buffer, offset, read);
                count += read;
            }
            return read;
        }

        // Bytes skipped past the digest would make it lie about what was sent.
        @Override
        public long skip(long n) {
            return 0;
        }
    }

    private InputStream open(Asset asset) throws IOException, InterruptedException {
        String type = asset.dataAddress().type();
        if (type.equalsIgnoreCase("File")) {
            return Files.newInputStream(Path.of(asset.dataAddress().endpoint()));
        }
        if (type.equalsIgnoreCase("HttpData")) {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(asset.dataAddress().endpoint()))
                            .timeout(Duration.ofMinutes(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("the source answered " + response.statusCode());
            }
            return response.body();
        }
        if (type.equalsIgnoreCase(QuerySource.TYPE)) {
            // Spooled to a temporary file first, so a query that fails half-way fails the push instead of
            // delivering a truncated body; constant memory either way.
            Path spool = Files.createTempFile("trustspace-push-", ".csv");
            try (java.io.OutputStream out = Files.newOutputStream(spool)) {
                QuerySource.write(
                        asset.dataAddress().endpoint(), asset.dataAddress().properties(), out);
            } catch (IOException e) {
                Files.deleteIfExists(spool);
                throw e;
            }
            return Files.newInputStream(spool, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
        }
        throw new IOException("source type " + type + " is not served by this data plane");
    }
}
