package io.trustspace.app.contract;

import io.trustspace.app.catalog.Asset;
import io.trustspace.app.catalog.AssetStore;
import io.trustspace.common.Result;
import io.trustspace.contract.transfer.TransferProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * HttpData-PUSH: once a push transfer is STARTED, the provider streams the source to the consumer's endpoint (POST)
 * — after usage control allowed this use, and after checking the endpoint again (its DNS may have changed since the
 * request) — then completes the transfer, or terminates it with the reason. Memory stays constant whatever the size.
 */
public final class PushDelivery {

    private final Transfers transfers;
    private final UsageControl usage;
    private final AssetStore assets;
    private final SinkPolicy sinks;
    private final HttpClient http;

    public PushDelivery(Transfers transfers, UsageControl usage, AssetStore assets, SinkPolicy sinks, HttpClient http) {
        this.transfers = transfers;
        this.usage = usage;
        this.assets = assets;
        this.sinks = sinks;
        this.http = http;
    }

    public Result<TransferProcess> deliver(String transferId) {
        Result<String> pushed = push(transferId);
        if (pushed instanceof Result.Failure<String> failure) {
            return transfers.act(
                    transferId, t -> t.terminate("push-failed", List.of(failure.reason()), java.time.Instant.now()));
        }
        return transfers.act(transferId, t -> t.complete(java.time.Instant.now()));
    }

    private Result<String> push(String transferId) {
        Optional<TransferProcess> transfer = transfers.find(transferId);
        if (transfer.isEmpty() || transfer.get().dataAddress() == null) {
            return Result.invalid("push transfer " + transferId + " has no destination");
        }
        String sink = transfer.get().dataAddress().endpoint();
        Optional<String> refused = sinks.refused(sink);
        if (refused.isPresent()) {
            return Result.forbidden(refused.get());
        }
        Result<UsageControl.Permit> permit = usage.access(transferId, null);
        if (permit instanceof Result.Failure<UsageControl.Permit> failure) {
            return failure.cast();
        }
        Optional<Asset> asset = assets.find(permit.orElseThrow().agreement().datasetId());
        if (asset.isEmpty()) {
            return Result.unavailable("the dataset is no longer held here");
        }
        try (InputStream source = open(asset.get())) {
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
            return Result.ok("delivered");
        } catch (IOException e) {
            return Result.unavailable("pushing to the destination failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unavailable("interrupted");
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
