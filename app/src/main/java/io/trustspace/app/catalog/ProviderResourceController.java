package io.trustspace.app.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.catalog.resource.ResourceJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's management API for its resources (数据资源登记): register or replace a working revision (with the data
 * address, which stays on this connector), submit it for the operator's review, and mirror the review's outcome.
 */
@RestController
@RequestMapping("/api/v1/resources")
@Tag(name = "resources", description = "A provider's resources: registration, submission, review state")
public class ProviderResourceController {

    private final ProviderResources resources;

    public ProviderResourceController(ProviderResources resources) {
        this.resources = resources;
    }

    @PostMapping
    @Operation(
            summary = "Register or replace a resource's working revision: metadata, data address, access policy and"
                    + " offers; forwarded to the operator without the data address")
    public ResponseEntity<?> register(@RequestBody JsonNode body, HttpServletRequest request) {
        return ResourceSubmission.fromProvider(body)
                .flatMap(resources::register)
                .fold(asset -> ResponseEntity.ok(view(asset)), f -> Problems.response(f, request));
    }

    @GetMapping
    @Operation(summary = "This provider's resources with their mirrored review state and identifiers")
    public ResponseEntity<?> list() {
        return ResponseEntity.ok(
                resources.all().stream().map(ProviderResourceController::view).toList());
    }

    @GetMapping("/{localId}")
    @Operation(summary = "One resource")
    public ResponseEntity<?> get(@PathVariable String localId, HttpServletRequest request) {
        return resources
                .find(localId)
                .<ResponseEntity<?>>map(asset -> ResponseEntity.ok(view(asset)))
                .orElseGet(() -> Problems.response(
                        (io.trustspace.common.Result.Failure<?>)
                                io.trustspace.common.Result.notFound("no resource '" + localId + "'"),
                        request));
    }

    @PostMapping("/{localId}/submit")
    @Operation(summary = "Submit for review; the operator runs the automatic checks and answers with findings")
    public ResponseEntity<?> submit(@PathVariable String localId, HttpServletRequest request) {
        return resources
                .submit(localId)
                .fold(asset -> ResponseEntity.ok(view(asset)), f -> Problems.response(f, request));
    }

    @PostMapping("/sync")
    @Operation(summary = "Mirror the operator's review decisions now (it also happens on a schedule)")
    public ResponseEntity<?> sync(HttpServletRequest request) {
        return resources
                .sync()
                .fold(
                        changed -> ResponseEntity.ok(
                                JsonNodeFactory.instance.objectNode().put("changed", changed)),
                        f -> Problems.response(f, request));
    }

    static ObjectNode view(Asset asset) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("localId", asset.localId());
        node.put("kind", asset.kind().name());
        node.put("resourceId", asset.resourceId());
        node.put("state", asset.state().name());
        node.put("identifier", asset.identifier());
        node.set("findings", asset.findings());
        node.set("metadata", ResourceJson.write(asset.metadata()));
        // The endpoint may hold credentials: only the type is shown, even to the provider's own admins.
        node.putObject("dataAddress").put("type", asset.dataAddress().type());
        node.set("accessPolicy", asset.accessPolicy());
        node.set("offers", asset.offers());
        node.put("modifiedAt", asset.modifiedAt().toString());
        return node;
    }
}
