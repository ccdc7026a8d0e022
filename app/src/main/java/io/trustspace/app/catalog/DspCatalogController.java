package io.trustspace.app.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.dsp.DspAuthFilter;
import io.trustspace.identity.auth.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Dataspace Protocol 2025-1 catalog of this connector: its LISTED assets, each shown only to callers its access
 * policy admits. A dataset the caller may not see answers exactly like one that does not exist (404 CatalogError),
 * so the catalog cannot be probed. Pages are linked with {@code Link: <…>; rel="next"} as DSP describes.
 */
@RestController
@Tag(name = "dsp", description = "Dataspace Protocol endpoints (authenticated by access token)")
public class DspCatalogController {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;
    static final int MAX_ROUNDS = 1_000;

    private final AssetStore assets;
    private final AccessPolicies access;
    private final DspCatalogJson json;

    public DspCatalogController(AssetStore assets, AccessPolicies access, DspCatalogJson json) {
        this.assets = assets;
        this.access = access;
        this.json = json;
    }

    @GetMapping(
            path = {"/.well-known/dspace-version", "/dsp/.well-known/dspace-version"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "DSP version metadata: the protocol versions this connector speaks and where")
    public Map<String, Object> versions() {
        return Map.of(
                "protocolVersions",
                List.of(Map.of("version", "2025-1", "path", DspCatalogJson.DSP_PATH, "binding", "HTTPS")));
    }

    @PostMapping(path = "/dsp/2025-1/catalog/request", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "CatalogRequestMessage → Catalog of the datasets the caller may see (paged)")
    public ResponseEntity<JsonNode> catalog(
            @RequestBody(required = false) JsonNode body,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "limit", defaultValue = "" + DEFAULT_PAGE) int limit,
            HttpServletRequest request) {
        if (body == null || !DspCatalogJson.isType(body, "CatalogRequestMessage")) {
            return error(400, "the body must be a CatalogRequestMessage");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            return error(400, "limit must be from 1 to " + MAX_PAGE);
        }
        if (after != null && after.length() > 256) {
            return error(400, "after is longer than 256 characters");
        }
        Optional<VerifiedCaller> caller = caller(request);
        List<Asset> page = new ArrayList<>();
        String cursor = after;
        boolean exhausted = false;
        // Hidden datasets are skipped, so read on until the page is full or the catalog ends (bounded rounds).
        for (int round = 0; round < MAX_ROUNDS && page.size() < limit && !exhausted; round++) {
            List<Asset> batch = assets.listed(cursor, limit);
            exhausted = batch.size() < limit;
            for (Asset asset : batch) {
                if (page.size() == limit) {
                    exhausted = false;
                    break;
                }
                cursor = asset.localId();
                if (access.visible(asset.accessPolicy(), caller)) {
                    page.add(asset);
                }
            }
        }
        boolean more = !exhausted && page.size() == limit;
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (more) {
            String last = page.get(page.size() - 1).localId();
            response.header(
                    HttpHeaders.LINK,
                    "<" + json.dspAddress() + "/catalog/request?after="
                            + java.net.URLEncoder.encode(last, java.nio.charset.StandardCharsets.UTF_8)
                            + "&limit=" + limit + ">; rel=\"next\"");
        }
        return response.body(json.catalog(page));
    }

    @GetMapping(path = "/dsp/2025-1/catalog/datasets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One dataset, if the caller may see it; otherwise 404 CatalogError")
    public ResponseEntity<JsonNode> dataset(@PathVariable String id, HttpServletRequest request) {
        Optional<VerifiedCaller> caller = caller(request);
        return assets.find(id)
                .filter(Asset::listed)
                .filter(asset -> access.visible(asset.accessPolicy(), caller))
                .map(asset -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body((JsonNode) json.dataset(asset, true)))
                .orElseGet(() -> error(404, "dataset " + id + " not found"));
    }

    private static ResponseEntity<JsonNode> error(int status, String reason) {
        ObjectNode body = io.trustspace.app.web.DspErrorBodies.error("CatalogError", String.valueOf(status), reason);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static Optional<VerifiedCaller> caller(HttpServletRequest request) {
        return Optional.of(DspAuthFilter.caller(request));
    }
}
