package io.trustspace.app.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.dsp.DspAuthFilter;
import io.trustspace.app.web.Problems;
import io.trustspace.app.web.RoutedPath;
import io.trustspace.catalog.resource.Decision;
import io.trustspace.catalog.resource.Resource;
import io.trustspace.catalog.resource.ResourceId;
import io.trustspace.catalog.resource.ResourceService;
import io.trustspace.catalog.resource.ResourceState;
import io.trustspace.common.Result;
import io.trustspace.identity.auth.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
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
 * The operator's catalog endpoints: connectors publish their providers' resources ({@code /dsp/v1/catalog/…},
 * authenticated by DSP access token — the caller is the provider), reviewers decide ({@code /api/v1/review/…}), and
 * anyone resolves a data identifier ({@code /id/…}), seeing only what its access policy allows.
 */
@RestController
@Tag(name = "catalog", description = "Publication, admission review (规范性审查) and data identifiers (数据标识)")
public class OperatorCatalogController {

    static final int MAX_LIST = 500;

    private final OperatorCatalog catalog;
    private final ResourceService resources;
    private final OptionalCaller callers;
    private final CatalogHarvester harvester;

    public OperatorCatalogController(
            OperatorCatalog catalog, ResourceService resources, OptionalCaller callers, CatalogHarvester harvester) {
        this.catalog = catalog;
        this.resources = resources;
        this.callers = callers;
        this.harvester = harvester;
    }

    @PostMapping("/dsp/v1/catalog/resources")
    @Operation(summary = "A connector registers or replaces its provider's working revision of a resource")
    public ResponseEntity<?> upsert(@RequestBody JsonNode body, HttpServletRequest request) {
        return ResourceSubmission.fromConnector(body)
                .flatMap(submission -> catalog.upsert(caller(request), submission))
                .fold(
                        entry -> ResponseEntity.ok(ResourceViews.resource(entry.resource(), entry.policies())),
                        f -> Problems.response(f, request));
    }

    @PostMapping("/dsp/v1/catalog/resources/{localId}/submit")
    @Operation(summary = "Submit the working revision for review; automatic checks run first")
    public ResponseEntity<?> submit(@PathVariable String localId, HttpServletRequest request) {
        return catalog.submit(caller(request), localId)
                .fold(
                        entry -> ResponseEntity.ok(ResourceViews.resource(entry.resource(), entry.policies())),
                        f -> Problems.response(f, request));
    }

    @GetMapping("/dsp/v1/catalog/resources")
    @Operation(summary = "The calling provider's resources with their review state and identifiers")
    public ResponseEntity<?> mine(HttpServletRequest request) {
        return catalog.mine(caller(request), MAX_LIST)
                .fold(
                        entries -> ResponseEntity.ok(entries.stream()
                                .map(entry -> ResourceViews.resource(entry.resource(), entry.policies()))
                                .toList()),
                        f -> Problems.response(f, request));
    }

    @GetMapping("/api/v1/review/resources")
    @Operation(summary = "Resources in a state (default SUBMITTED: the review queue, longest-waiting first)")
    public ResponseEntity<?> queue(
            @RequestParam(name = "state", defaultValue = "SUBMITTED") String state,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            HttpServletRequest request) {
        ResourceState wanted;
        try {
            wanted = ResourceState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Problems.response(
                    (Result.Failure<?>) Result.invalid("state must be one of " + List.of(ResourceState.values())),
                    request);
        }
        if (limit < 1 || limit > MAX_LIST) {
            return Problems.response(
                    (Result.Failure<?>) Result.invalid("limit must be from 1 to " + MAX_LIST), request);
        }
        List<ObjectNode> views = (wanted == ResourceState.SUBMITTED
                        ? resources.reviewQueue(limit)
                        : catalogInState(wanted, limit))
                .stream()
                        .map(resource -> {
                            OperatorCatalog.Entry entry = catalog.entry(resource);
                            return ResourceViews.resource(entry.resource(), entry.policies());
                        })
                        .toList();
        return ResponseEntity.ok(views);
    }

    private List<Resource> catalogInState(ResourceState state, int limit) {
        return catalog.inState(state, limit);
    }

    @GetMapping("/api/v1/review/resources/{id}")
    @Operation(summary = "One resource with its findings, history and declared policies")
    public ResponseEntity<?> get(@PathVariable String id, HttpServletRequest request) {
        return resourceId(id)
                .flatMap(resources::find)
                .fold(
                        resource -> {
                            OperatorCatalog.Entry entry = catalog.entry(resource);
                            return ResponseEntity.ok(ResourceViews.resource(entry.resource(), entry.policies()));
                        },
                        f -> Problems.response(f, request));
    }

    @PostMapping("/api/v1/review/resources/{id}/list")
    @Operation(summary = "SUBMITTED → LISTED: mints the data identifier <space>/<provider>/<local id>@<revision>")
    public ResponseEntity<?> list(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            Principal who,
            HttpServletRequest r) {
        return decide(id, body, who, r, resources::list);
    }

    @PostMapping("/api/v1/review/resources/{id}/reject")
    @Operation(summary = "SUBMITTED → REJECTED, with the reason the provider will read")
    public ResponseEntity<?> reject(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            Principal who,
            HttpServletRequest r) {
        return decide(id, body, who, r, resources::reject);
    }

    @PostMapping("/api/v1/review/resources/{id}/delist")
    @Operation(summary = "LISTED → DELISTED; the identifier then resolves to a tombstone with the reason")
    public ResponseEntity<?> delist(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            Principal who,
            HttpServletRequest r) {
        // Out of the directory at once, without waiting for the connector to mirror it and the next harvest.
        return decide(
                id,
                body,
                who,
                r,
                (resourceId, decision) -> resources.delist(resourceId, decision).map(resource -> {
                    harvester.forget(resource.identifier().format());
                    return resource;
                }));
    }

    private ResponseEntity<?> decide(
            String id,
            JsonNode body,
            Principal who,
            HttpServletRequest request,
            BiFunction<ResourceId, Decision, Result<Resource>> action) {
        JsonNode reasonNode = body == null ? null : body.get("reason");
        if (reasonNode != null && !reasonNode.isNull() && !reasonNode.isString()) {
            return Problems.response((Result.Failure<?>) Result.invalid("reason must be a string"), request);
        }
        String reason = reasonNode == null || reasonNode.isNull() ? null : reasonNode.stringValue();
        JsonNode expectedNode = body == null ? null : body.get("expectedVersion");
        if (expectedNode != null
                && !expectedNode.isNull()
                && !(expectedNode.isIntegralNumber() && expectedNode.canConvertToLong())) {
            return Problems.response(
                    (Result.Failure<?>) Result.invalid("expectedVersion must be the resource's version, an integer"),
                    request);
        }
        Long expected = expectedNode == null || expectedNode.isNull() ? null : expectedNode.longValue();
        Decision decision = new Decision("reviewer:" + who.getName(), reason, expected);
        Optional<String> problem = decision.problem();
        if (problem.isPresent()) {
            return Problems.response((Result.Failure<?>) Result.invalid(problem.get()), request);
        }
        return resourceId(id)
                .flatMap(resourceId -> action.apply(resourceId, decision))
                .fold(
                        resource -> {
                            OperatorCatalog.Entry entry = catalog.entry(resource);
                            return ResponseEntity.ok(ResourceViews.resource(entry.resource(), entry.policies()));
                        },
                        f -> Problems.response(f, request));
    }

    @GetMapping("/id/**")
    @Operation(
            summary = "Resolve a data identifier: metadata, holder, access method and status; a delisted resource"
                    + " resolves to its tombstone. Hidden resources answer 404 like unknown ones")
    public ResponseEntity<?> resolve(HttpServletRequest request) {
        // The routed path is decoded already, and /id (which the pattern also matches) names no identifier.
        String path = RoutedPath.of(request);
        String identifier = path.startsWith("/id/") ? path.substring("/id/".length()) : "";
        if (identifier.isEmpty()) {
            Result<Object> missing =
                    Result.invalid("name a data identifier: GET /id/{space prefix}/{participant}/{local id}");
            return Problems.response((Result.Failure<?>) missing, request);
        }
        Result<Optional<VerifiedCaller>> caller = callers.from(request);
        if (caller instanceof Result.Failure<Optional<VerifiedCaller>> failure) {
            return Problems.response(failure, request);
        }
        return catalog.resolve(identifier, caller.orElseThrow())
                .fold(
                        resolved -> ResponseEntity.ok(ResourceViews.resolution(resolved)),
                        f -> Problems.response(f, request));
    }

    private static Result<ResourceId> resourceId(String id) {
        try {
            return Result.ok(new ResourceId(id));
        } catch (IllegalArgumentException e) {
            return Result.invalid("'" + id + "' is not a resource id: " + e.getMessage());
        }
    }

    private static VerifiedCaller caller(HttpServletRequest request) {
        return DspAuthFilter.caller(request);
    }
}
