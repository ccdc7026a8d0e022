package io.trustspace.app.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.catalog.HarvestStore.Harvested;
import io.trustspace.app.dsp.DspAuthFilter;
import io.trustspace.identity.auth.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's DSP catalog: its own space's directory, so that other spaces' operators can harvest it (资源目录
 * 可同时被多个可信数据空间使用). Datasets carry their data identifier as {@code @id} (local ids are unique only per
 * connector) and keep their access policy, which the harvesting operator enforces for its own callers; each caller
 * here sees only what those policies allow it (an operator sees all). Re-exported peer datasets are not served, so
 * two spaces harvesting each other never loop.
 */
@RestController
@Tag(name = "dsp", description = "Dataspace Protocol endpoints (authenticated by access token)")
public class OperatorDspCatalogController {

    private final HarvestStore store;
    private final AccessPolicies access;
    private final String space;
    private final String participantId;

    public OperatorDspCatalogController(HarvestStore store, AccessPolicies access, String space, String participantId) {
        this.store = store;
        this.access = access;
        this.space = space;
        this.participantId = participantId;
    }

    @PostMapping(path = "/dsp/2025-1/catalog/request", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "CatalogRequestMessage → this space's directory as a DSP Catalog (paged, per caller)")
    public ResponseEntity<JsonNode> catalog(
            @RequestBody(required = false) JsonNode body,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            HttpServletRequest request) {
        if (body == null || !DspCatalogJson.isType(body, "CatalogRequestMessage")) {
            return error("the body must be a CatalogRequestMessage");
        }
        if (limit < 1 || limit > DspCatalogController.MAX_PAGE || (after != null && after.length() > 300)) {
            return error("limit must be from 1 to " + DspCatalogController.MAX_PAGE + " and after a data identifier");
        }
        Optional<VerifiedCaller> caller = Optional.of(DspAuthFilter.caller(request));
        List<JsonNode> page = new ArrayList<>();
        String cursor = after;
        boolean exhausted = false;
        for (int round = 0; round < DspCatalogController.MAX_ROUNDS && page.size() < limit && !exhausted; round++) {
            List<Harvested> batch = store.page(space, cursor, limit);
            exhausted = batch.size() < limit;
            for (Harvested dataset : batch) {
                if (page.size() == limit) {
                    exhausted = false;
                    break;
                }
                cursor = dataset.identifier();
                if (access.visible(dataset.accessPolicy(), caller)) {
                    ObjectNode copy = ((ObjectNode) dataset.document()).deepCopy();
                    copy.put("@id", dataset.identifier());
                    page.add(copy);
                }
            }
        }
        ObjectNode catalog = JsonNodeFactory.instance.objectNode();
        catalog.set("@context", DspCatalogJson.context());
        catalog.put("@id", "urn:trustspace:directory:" + space);
        catalog.put("@type", "Catalog");
        catalog.put("participantId", participantId);
        ArrayNode datasets = catalog.putArray("dataset");
        page.forEach(datasets::add);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (!exhausted && page.size() == limit) {
            response.header(
                    HttpHeaders.LINK,
                    "</dsp/2025-1/catalog/request?after="
                            + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8) + "&limit="
                            + limit + ">; rel=\"next\"");
        }
        return response.body(catalog);
    }

    private static ResponseEntity<JsonNode> error(String reason) {
        return ResponseEntity.status(400)
                .contentType(MediaType.APPLICATION_JSON)
                .body(io.trustspace.app.web.DspErrorBodies.error("CatalogError", "400", reason));
    }
}
