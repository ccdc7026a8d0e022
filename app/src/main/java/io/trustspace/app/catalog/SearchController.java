package io.trustspace.app.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.dsp.DspAuthFilter;
import io.trustspace.app.web.Problems;
import io.trustspace.identity.auth.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search of the operator's resource directory: participants through their connectors ({@code /dsp/v1/…}, filtered
 * by each resource's access policy), the operator's staff and regulators through the API (everything).
 */
@RestController
@Tag(name = "catalog", description = "Publication, admission review (规范性审查) and data identifiers (数据标识)")
public class SearchController {

    private final CatalogSearch search;
    private final CatalogHarvester harvester;

    public SearchController(CatalogSearch search, CatalogHarvester harvester) {
        this.search = search;
        this.harvester = harvester;
    }

    @PostMapping("/dsp/v1/catalog/search")
    @Operation(
            summary = "Full-text search with facets over the space's (and peer spaces') resources the caller may see")
    public ResponseEntity<?> searchAsParticipant(@RequestBody JsonNode body, HttpServletRequest request) {
        VerifiedCaller caller = DspAuthFilter.caller(request);
        return SearchJson.query(body)
                .map(query -> search.search(query, Optional.of(caller)))
                .fold(page -> ResponseEntity.ok(SearchJson.page(page)), f -> Problems.response(f, request));
    }

    @PostMapping("/api/v1/catalog/search")
    @Operation(summary = "The same search for the operator's staff and regulators, over every resource")
    public ResponseEntity<?> searchAsStaff(@RequestBody JsonNode body, HttpServletRequest request) {
        return SearchJson.query(body)
                .map(search::searchAll)
                .fold(page -> ResponseEntity.ok(SearchJson.page(page)), f -> Problems.response(f, request));
    }

    @PostMapping("/api/v1/catalog/harvest")
    @Operation(summary = "Harvest every connector's and peer space's DSP catalog now (it also runs on a schedule)")
    public ResponseEntity<?> harvest() {
        CatalogHarvester.Round round = harvester.harvest();
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("sources", round.sources());
        view.put("changed", round.changed());
        view.put("removed", round.removed());
        ObjectNode failures = view.putObject("failures");
        round.failures().forEach(failures::put);
        view.put("indexed", search.size());
        return ResponseEntity.ok(view);
    }
}
