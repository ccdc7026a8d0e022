package io.trustspace.app.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches a counterparty's DSP catalog as this participant (authenticated with a fresh access token), so a consumer
 * can pick a dataset and its offer before negotiating.
 */
@RestController
@Tag(name = "discovery", description = "Search the space's resource directory and resolve identifiers")
public class CounterpartyCatalogController {

    private final PeerClient peers;

    public CounterpartyCatalogController(PeerClient peers) {
        this.peers = peers;
    }

    @PostMapping("/api/v1/catalogs/request")
    @Operation(summary = "A counterparty's DSP catalog as it shows to us: {counterPartyAddress (its DSP base)}")
    public ResponseEntity<?> request(@RequestBody JsonNode body, HttpServletRequest request) {
        String address = body.path("counterPartyAddress").asString(null);
        if (address == null || !address.matches("https?://\\S{1,500}")) {
            return Problems.response(
                    (Result.Failure<?>)
                            Result.invalid("counterPartyAddress must be the counterparty's http(s) DSP base"),
                    request);
        }
        URI dsp = URI.create(address.replaceAll("/+$", ""));
        String base = dsp.getScheme() + "://" + dsp.getRawAuthority();
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.set("@context", DspCatalogJson.context());
        message.put("@type", "CatalogRequestMessage");
        return peers.post(base, dsp.getRawPath() + "/catalog/request", message)
                .fold(ResponseEntity::ok, f -> Problems.response(f, request));
    }
}
