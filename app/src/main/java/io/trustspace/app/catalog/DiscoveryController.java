package io.trustspace.app.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A participant's discovery (资源发现) through its own connector: searches the operator's directory and resolves
 * data identifiers as this participant, so the operator applies the access policies to it.
 */
@RestController
@Tag(name = "discovery", description = "Search the space's resource directory and resolve identifiers")
public class DiscoveryController {

    private final PeerClient peers;
    private final Supplier<Optional<String>> operatorUrl;

    public DiscoveryController(PeerClient peers, Supplier<Optional<String>> operatorUrl) {
        this.peers = peers;
        this.operatorUrl = operatorUrl;
    }

    @PostMapping("/api/v1/discovery/search")
    @Operation(summary = "Search the operator's directory as this participant (body as the operator's search)")
    public ResponseEntity<?> search(@RequestBody JsonNode body, HttpServletRequest request) {
        return SearchJson.query(body)
                .flatMap(valid -> operator().flatMap(url -> peers.post(url, "/dsp/v1/catalog/search", body)))
                .fold(ResponseEntity::ok, f -> Problems.response(f, request));
    }

    @GetMapping("/api/v1/discovery/resolve")
    @Operation(summary = "Resolve a data identifier at the operator as this participant")
    public ResponseEntity<?> resolve(@RequestParam("identifier") String identifier, HttpServletRequest request) {
        // It becomes a path at the operator, sent with our token: only a well-formed identifier, whose parts are
        // never dot segments, stays within /id/ there.
        Result<DataIdentifier> parsed = DataIdentifier.parse(identifier);
        if (parsed instanceof Result.Failure<DataIdentifier> failure) {
            return Problems.response(failure, request);
        }
        return operator()
                .flatMap(url -> peers.get(url, "/id/" + identifier))
                .fold(ResponseEntity::ok, f -> Problems.response(f, request));
    }

    private Result<String> operator() {
        return operatorUrl
                .get()
                .<Result<String>>map(Result::ok)
                .orElseGet(() -> Result.unavailable("no operator configured"));
    }
}
