package io.trustspace.app.contract;

import io.trustspace.app.catalog.Asset;
import io.trustspace.app.catalog.AssetStore;
import io.trustspace.common.Result;
import io.trustspace.contract.transfer.TransferProcess;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * HttpData-PUSH: once a push transfer is STARTED, the provider streams the source to the consumer's endpoint (POST)
 * — after usage control allowed this use, and after checking the endpoint again (its DNS may have changed since the
 * request) — then completes the transfer, or terminates it with the reason. Memory stays constant whatever the size;
 * what was sent is evidenced like a pull ({@code transfer.delivered}, with the destination).
 */
public final class PushDelivery {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transfers transfers;
    private final UsageControl usage;
    private final AssetStore assets;
    private final SinkPolicy sinks;
    private final HttpClient http;
    private final CryptoSuite suite;
    private final EvidenceRecorder evidence;

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

    /**
     * Pushes the data of started transfer {@code transferId}, then completes it — with what was delivered (bytes,
     * digest, destination) evidenced in the same transaction — or terminates it with the reason.
     */
    public Result<TransferProcess> deliver(String transferId) {
        Result<Map<String, Object>> pushed = push(transferId);
        if (pushed instanceof Result.Failure<Map<String, Object>> failure) {
            return transfers.act(
                    transferId, t -> t.terminate("push-failed", List.of(failure.reason()), java.time.Instant.now()));
        }
        Map<String, Object> delivered = pushed.orElseThrow();
        return transfers.act(transferId, t -> {
            evidence.record(
                    "transfer.delivered",
                    List.of(t.agreementId(), t.id()),
                    JSON.writeValueAsString(delivered).getBytes(StandardCharsets.UTF_8));
            return t.complete(java.time.Instant.now());
        });
    }

    private Result<Map<String, Object>> push(String transferId) {
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
        Result<UsageControl.Permit> permit = usage.access(transferId, purpose);
        if (permit instanceof Result.Failure<UsageControl.Permit> failure) {
            return failure.cast();
        }
        Optional<Asset> asset = assets.find(permit.orElseThrow().agreement().datasetId());
        if (asset.isEmpty()) {
            return Result.unavailable("the dataset is no longer held here");
        }
        MessageDigest digest = suite.newDigest();
        try (Measured source = new Measured(open(asset.get()), digest)) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(sink))
                            .timeout(Duration.ofMinutes(30))
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> source))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return Result.unavailable("the destination answered " + response.statusCode());
            }
            Map<String, Object> delivered = new LinkedHashMap<>();
            delivered.put("transfer", transferId);
            delivered.put("agreement", permit.orElseThrow().agreement().agreementId());
            delivered.put("use", permit.orElseThrow().useNumber());
            delivered.put("bytes", source.count);
            delivered.put("digest", suite.id().name() + ":" + HexFormat.of().formatHex(digest.digest()));
            delivered.put("destination", sink);
            return Result.ok(delivered);
        } catch (IOException e) {
            return Result.unavailable("pushing to the destination failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unavailable("interrupted");
        }
    }

    /** What the destination was sent: counted and hashed as it is read. */
    private static final class Measured extends FilterInputStream {
        private final MessageDigest digest;
        long count;

        Measured(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
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
