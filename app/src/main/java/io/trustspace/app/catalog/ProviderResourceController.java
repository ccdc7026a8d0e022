package io.trustspace.app.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.catalog.conversion.CkanImport;
import io.trustspace.catalog.conversion.CsvExport;
import io.trustspace.catalog.conversion.CsvSchemaInference;
import io.trustspace.catalog.conversion.DcatApImport;
import io.trustspace.catalog.conversion.DcatExport;
import io.trustspace.catalog.conversion.DescribedDataset;
import io.trustspace.catalog.conversion.FieldDescription;
import io.trustspace.catalog.conversion.JsonSchemaImport;
import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.catalog.resource.ResourceJson;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.Sample;
import io.trustspace.common.Result;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
                    + " offers; forwarded to the operator without the data address. 400 for a data address this"
                    + " data plane could never open (a File path the system cannot hold, an HttpData endpoint that is"
                    + " not an absolute http(s) URL, a PostgreSQL source without a SELECT query)")
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
                        (Result.Failure<?>) Result.notFound("no resource '" + localId + "'"), request));
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

    @PostMapping(
            path = "/describe",
            consumes = {"text/csv", "text/plain", "application/json", "application/ld+json"})
    @Operation(
            summary = "元数据智能识别: a draft description from a CSV file (header + sample rows → field types), a JSON"
                    + " Schema, a CKAN package or a DCAT-AP dataset (from = csv | json-schema | ckan | dcat-ap)")
    public ResponseEntity<?> describe(
            @RequestParam("from") String from, @RequestBody byte[] body, HttpServletRequest request) {
        if (body.length > CsvSchemaInference.MAX_BYTES) {
            return Problems.response(
                    (Result.Failure<?>) Result.invalid("the body is larger than " + CsvSchemaInference.MAX_BYTES
                            + " bytes; send the header and a sample of rows"),
                    request);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Result<ResourceMetadata> metadata = switch (from) {
            case "csv" ->
                CsvSchemaInference.infer(body, CsvSchemaInference.MAX_SAMPLE_ROWS)
                        .map(fields -> withSchema(fields, new Sample("text/csv", sample(text))));
            case "json-schema" -> JsonSchemaImport.read(text).map(fields -> withSchema(fields, null));
            case "ckan" -> CkanImport.read(text).map(DescribedDataset::toMetadata);
            case "dcat-ap" -> DcatApImport.read(text).map(DescribedDataset::toMetadata);
            default -> Result.invalid("from must be csv, json-schema, ckan or dcat-ap, not '" + from + "'");
        };
        return metadata.fold(
                m -> ResponseEntity.ok(JsonNodeFactory.instance.objectNode().set("metadata", ResourceJson.write(m))),
                f -> Problems.response(f, request));
    }

    @GetMapping("/{localId}/export")
    @Operation(summary = "The description as DCAT 3 JSON-LD (as = dcat) or its fields as CSV (as = csv)")
    public ResponseEntity<?> export(
            @PathVariable String localId,
            @RequestParam(name = "as", defaultValue = "dcat") String as,
            HttpServletRequest request) {
        Optional<Asset> asset = resources.find(localId);
        if (asset.isEmpty()) {
            return Problems.response((Result.Failure<?>) Result.notFound("no resource '" + localId + "'"), request);
        }
        ResourceMetadata metadata = asset.get().metadata();
        return switch (as) {
            case "dcat" ->
                ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/ld+json"))
                        .body(DcatExport.toJsonLd(
                                asset.get().kind(),
                                metadata,
                                asset.get().identifier() == null
                                        ? null
                                        : DataIdentifier.parse(asset.get().identifier())
                                                .fold(id -> id, f -> null)));
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .body(CsvExport.write(metadata.schema().stream()
                                .map(field -> new FieldDescription(
                                        field.name(), null, field.type(), field.unit(), null, true, null))
                                .toList()));
            default ->
                Problems.response(
                        (Result.Failure<?>) Result.invalid("as must be dcat or csv, not '" + as + "'"), request);
        };
    }

    private static ResourceMetadata withSchema(List<FieldDescription> fields, Sample sample) {
        return new ResourceMetadata(
                null,
                null,
                null,
                null,
                null,
                null,
                fields.stream().map(FieldDescription::toSchemaField).toList(),
                null,
                null,
                null,
                null,
                null,
                sample,
                null,
                null);
    }

    /** The header and the first rows, as the sample shown in the catalog. */
    private static String sample(String csv) {
        String[] lines = csv.split("\r?\n", 7);
        return String.join("\n", java.util.Arrays.asList(lines).subList(0, Math.min(lines.length, 6)));
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
