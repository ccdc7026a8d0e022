package io.trustspace.app.ledger;

import io.trustspace.ledger.tile.TileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a ledger's checkpoint and tiles with plain HTTP GETs, as any auditor can: {@code <base>/ledger/<path>}.
 * 404 means "not served"; other failures throw, so an audit never mistakes an outage for a missing tile.
 */
public final class HttpTileSource implements TileSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;

    public HttpTileSource(HttpClient http, String ledgerBaseUrl) {
        this.http = http;
        String trimmed = ledgerBaseUrl.replaceAll("/+$", "");
        this.base = trimmed.endsWith("/ledger") ? trimmed : trimmed + "/ledger";
    }

    @Override
    public Optional<byte[]> fetch(String path) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/" + path))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new UncheckedIOException(
                        new IOException(base + "/" + path + " answered HTTP " + response.statusCode()));
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + path, e);
        }
    }
}
