package io.trustspace.app.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import io.trustspace.contract.message.Offer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The DSP TCK's initiate hooks (its README §4.2 rows 13–14): the TCK, playing provider, asks us to start a
 * negotiation or a transfer as consumer. Registered only with the TCK profile.
 */
@RestController
@Tag(name = "tck", description = "Hooks for the Eclipse DSP TCK (TCK profile only)")
public class TckHooks {

    private final Negotiations negotiations;
    private final Transfers transfers;
    private final String callbackAddress;

    public TckHooks(Negotiations negotiations, Transfers transfers, String callbackAddress) {
        this.negotiations = negotiations;
        this.transfers = transfers;
        this.callbackAddress = callbackAddress;
    }

    @PostMapping("/tck/negotiations/requests")
    @Operation(summary = "Start a negotiation as consumer: {datasetId, offerId, providerId, connectorAddress}")
    public ResponseEntity<?> negotiation(@RequestBody JsonNode body, HttpServletRequest request) {
        String datasetId = body.path("datasetId").asString(null);
        String offerId = body.path("offerId").asString(null);
        String providerId = body.path("providerId").asString(null);
        String address = body.path("connectorAddress").asString(null);
        if (datasetId == null || offerId == null || providerId == null || address == null) {
            return Problems.response(
                    (Result.Failure<?>)
                            Result.invalid("datasetId, offerId, providerId and connectorAddress are required"),
                    request);
        }
        Offer offer = Offer.permitting(offerId, datasetId, providerId, "use");
        return negotiations
                .initiate(providerId, address, datasetId, offer, callbackAddress)
                .fold(
                        n -> ResponseEntity.ok(
                                JsonNodeFactory.instance.objectNode().put("id", n.id())),
                        f -> Problems.response(f, request));
    }

    @PostMapping("/tck/transfers/requests")
    @Operation(summary = "Start a transfer as consumer: {agreementId, format, providerId, connectorAddress}")
    public ResponseEntity<?> transfer(@RequestBody JsonNode body, HttpServletRequest request) {
        String agreementId = body.path("agreementId").asString(null);
        String format = body.path("format").asString(null);
        String providerId = body.path("providerId").asString(null);
        String address = body.path("connectorAddress").asString(null);
        if (agreementId == null || format == null || providerId == null || address == null) {
            return Problems.response(
                    (Result.Failure<?>)
                            Result.invalid("agreementId, format, providerId and connectorAddress are required"),
                    request);
        }
        return transfers
                .initiate(providerId, address, agreementId, format, null, callbackAddress)
                .fold(
                        t -> ResponseEntity.ok(
                                JsonNodeFactory.instance.objectNode().put("id", t.id())),
                        f -> Problems.response(f, request));
    }
}
