package io.trustspace.app.witness;

import io.trustspace.common.Result;
import io.trustspace.ledger.witness.AddCheckpointOutcome;
import io.trustspace.ledger.witness.AddCheckpointRequest;
import io.trustspace.ledger.witness.AddCheckpointResponse;
import io.trustspace.ledger.witness.WitnessClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a witness over HTTP to cosign ({@code POST <witness>/witness/v1/add-checkpoint}). */
public final class HttpWitnessClient implements WitnessClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI endpoint;

    public HttpWitnessClient(HttpClient http, String witnessBaseUrl) {
        this.http = http;
        this.endpoint = URI.create(witnessBaseUrl.replaceAll("/+$", "") + "/witness/v1/add-checkpoint");
    }

    @Override
    public Result<AddCheckpointOutcome> addCheckpoint(AddCheckpointRequest request) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(TIMEOUT)
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(request.format()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return AddCheckpointResponse.read(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body(),
                    request);
        } catch (IOException e) {
            return Result.unavailable("witness " + endpoint.getAuthority() + " unreachable: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unavailable("interrupted");
        }
    }
}
