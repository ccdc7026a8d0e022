package io.trustspace.app.ledger;

import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.ReceiptJson;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.outbox.LedgerClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers a connector's evidence to the operator's ledger over HTTP ({@code POST /ledger/v1/records}). Transport
 * failures and 5xx answers are UNAVAILABLE (the outbox retries); a per-record 4xx is passed on as the ledger's
 * verdict.
 */
public final class HttpLedgerClient implements LedgerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI endpoint;
    private final JsonMapper json = JsonMapper.builder().build();

    public HttpLedgerClient(HttpClient http, String ledgerBaseUrl) {
        this.http = http;
        this.endpoint = URI.create(ledgerBaseUrl.replaceAll("/+$", "") + "/ledger/v1/records");
    }

    @Override
    public List<Result<Receipt>> append(List<SignedEvidence> evidence) {
        ObjectNode body = json.createObjectNode();
        ArrayNode records = body.putArray("records");
        for (SignedEvidence item : evidence) {
            ObjectNode record = records.addObject();
            record.set("record", item.record().toJson());
            record.put("jws", item.jws());
        }
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return all(
                    evidence,
                    Result.unavailable("ledger unreachable: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return all(evidence, Result.unavailable("interrupted"));
        }
        if (response.statusCode() != 200) {
            boolean problem =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (evidence.size() == 1 && problem && response.statusCode() < 500) {
                // A single refused record is answered with its own problem: keep the ledger's verdict.
                try {
                    return List.of(answer(json.readTree(response.body())));
                } catch (JacksonException e) {
                    return all(evidence, Result.unavailable("ledger answered malformed JSON"));
                }
            }
            return all(evidence, Result.unavailable("ledger answered HTTP " + response.statusCode()));
        }
        try {
            JsonNode results = json.readTree(response.body()).path("results");
            List<Result<Receipt>> answers = new ArrayList<>(evidence.size());
            for (int i = 0; i < evidence.size(); i++) {
                answers.add(answer(results.path(i)));
            }
            return answers;
        } catch (JacksonException e) {
            return all(evidence, Result.unavailable("ledger answered malformed JSON"));
        }
    }

    private static Result<Receipt> answer(JsonNode result) {
        if (result.has("receipt")) {
            return ReceiptJson.fromJson(result.get("receipt"));
        }
        int status = result.path("status").asInt(503);
        String detail = result.path("detail").asString("no detail");
        return switch (status) {
            case 400, 422 -> Result.invalid(detail);
            case 401, 403 -> Result.unauthorized(detail);
            default -> Result.unavailable(detail);
        };
    }

    private static List<Result<Receipt>> all(List<SignedEvidence> evidence, Result<Receipt> same) {
        return evidence.stream().map(e -> same).toList();
    }
}
