package io.trustspace.app.catalog;

import io.trustspace.app.did.DidWeb;
import io.trustspace.app.dsp.NodeMembership;
import io.trustspace.common.Result;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to another node of the space (the operator, a connector, a peer space's operator), each with a fresh
 * access token for that node's DID. Failures come back as results: the peer's own problem (its status mapped to
 * our kinds, its detail quoted) or UNAVAILABLE when it cannot be reached. Every call is bounded by a timeout.
 */
public final class PeerClient {

    /** Bigger answers are refused: a catalog page or a resource list fits comfortably. */
    static final int MAX_RESPONSE = 16 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final NodeMembership membership;
    private final Duration timeout;

    public PeerClient(HttpClient http, NodeMembership membership, Duration timeout) {
        this.http = http;
        this.membership = membership;
        this.timeout = timeout;
    }

    /** GET {@code nodeBaseUrl + path}, authenticated to the node at {@code nodeBaseUrl}. */
    public Result<JsonNode> get(String nodeBaseUrl, String path) {
        return send(nodeBaseUrl, path, null);
    }

    /** POST JSON {@code body} to {@code nodeBaseUrl + path}, authenticated to the node at {@code nodeBaseUrl}. */
    public Result<JsonNode> post(String nodeBaseUrl, String path, JsonNode body) {
        return send(nodeBaseUrl, path, body);
    }

    private Result<JsonNode> send(String nodeBaseUrl, String path, JsonNode body) {
        Result<String> token = membership.tokenFor(DidWeb.forBaseUrl(nodeBaseUrl));
        if (token instanceof Result.Failure<String> failure) {
            return failure.cast();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodeBaseUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token.orElseThrow())
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return Result.unavailable(nodeBaseUrl + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unavailable("interrupted while calling " + nodeBaseUrl);
        }
        byte[] bytes = response.body();
        if (bytes.length > MAX_RESPONSE) {
            return Result.unavailable(nodeBaseUrl + path + " answered more than " + MAX_RESPONSE + " bytes");
        }
        JsonNode json;
        try {
            json = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
        } catch (RuntimeException e) {
            return Result.unavailable(nodeBaseUrl + path + " answered " + response.statusCode() + " without JSON");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Result.ok(json);
        }
        String detail = nodeBaseUrl + path + " answered " + status + ": "
                + json.path("detail").asString(json.path("reason").toString());
        return switch (status) {
            case 400, 422 -> Result.invalid(detail);
            case 401 -> Result.unauthorized(detail);
            case 403 -> Result.forbidden(detail);
            case 404 -> Result.notFound(detail);
            case 409 -> Result.conflict(detail);
            default -> Result.unavailable(detail);
        };
    }
}
