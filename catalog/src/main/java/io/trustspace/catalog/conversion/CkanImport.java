package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.common.Result;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a CKAN dataset, as returned by the action API {@code package_show} (the {@code {"success", "result"}}
 * envelope or the bare package), into a {@link DescribedDataset}.
 *
 * <p>Mapping: {@code title} (or ckanext-fluent {@code title_translated} {@code {"zh", "en"}}) → title, falling back to
 * {@code name}; {@code notes} (or {@code notes_translated}) → description; untagged texts are placed by script (Han →
 * zh, else en); {@code tags[].name} (or {@code display_name}, or plain strings) → keywords;
 * {@code resources[].url} and {@code format} (else {@code mimetype}) → distributions; the common format of all
 * resources → format; {@code organization.title} (else {@code organization.name}, else {@code author}) → publisher;
 * {@code license_url} (else {@code license_id}, else {@code license_title}) → licence; extras {@code temporal} (or
 * {@code temporal_start}/{@code temporal_end}) and {@code spatial_text} (else {@code spatial}) → temporal and spatial.
 * Other members are ignored. CKAN has no field schema, so fields are empty.
 *
 * <p>Failures are {@code INVALID} naming the member: an envelope with {@code "success": false}, a package with neither
 * title nor name, a resource without {@code url}, more than {@value BoundedJson#MAX_ITEMS} tags or resources, input
 * beyond {@value BoundedJson#MAX_CHARS} characters. Stateless and thread-safe.
 */
public final class CkanImport {

    private CkanImport() {}

    public static Result<DescribedDataset> read(String packageJson) {
        return BoundedJson.parseObject(packageJson, "CKAN package").flatMap(CkanImport::read);
    }

    public static Result<DescribedDataset> read(JsonNode document) {
        JsonNode pkg = document;
        if (document.has("success")) {
            if (!document.get("success").asBoolean(false)) {
                JsonNode error = document.get("error");
                String message = error == null ? null : DcatApImport.text(error.get("message"));
                return Result.invalid("CKAN reported failure" + (message == null ? "" : ": " + message));
            }
            pkg = document.get("result");
            if (pkg == null || !pkg.isObject()) {
                return Result.invalid("result: missing or not an object");
            }
        }
        LocalizedText title = translated(pkg, "title");
        if (LocalizedTexts.isEmpty(title)) {
            title = LocalizedTexts.guess(BoundedJson.string(pkg, "name"));
        }
        if (LocalizedTexts.isEmpty(title)) {
            return Result.invalid("title: missing, and no name to fall back on");
        }
        LocalizedText description = translated(pkg, "notes");

        List<JsonNode> tagNodes = BoundedJson.items(pkg.get("tags"));
        if (tagNodes.size() > BoundedJson.MAX_ITEMS) {
            return Result.invalid("tags: more than " + BoundedJson.MAX_ITEMS + " tags");
        }
        List<String> keywords = new ArrayList<>();
        for (JsonNode tag : tagNodes) {
            String name = tag.isString() ? tag.asString() : BoundedJson.string(tag, "name");
            if (name == null && tag.isObject()) {
                name = BoundedJson.string(tag, "display_name");
            }
            if (name != null) {
                keywords.add(name);
            }
        }

        List<JsonNode> resourceNodes = BoundedJson.items(pkg.get("resources"));
        if (resourceNodes.size() > BoundedJson.MAX_ITEMS) {
            return Result.invalid("resources: more than " + BoundedJson.MAX_ITEMS + " resources");
        }
        List<DistributionLink> distributions = new ArrayList<>();
        for (int i = 0; i < resourceNodes.size(); i++) {
            JsonNode resource = resourceNodes.get(i);
            if (!resource.isObject()) {
                return Result.invalid("resources[" + i + "]: must be an object");
            }
            String url = BoundedJson.string(resource, "url");
            if (url == null || url.isBlank()) {
                return Result.invalid("resources[" + i + "].url: missing");
            }
            String format = BoundedJson.string(resource, "format");
            if (format == null || format.isBlank()) {
                format = BoundedJson.string(resource, "mimetype");
            }
            distributions.add(DistributionLink.of(url, format));
        }
        List<String> formats = distributions.stream()
                .map(DistributionLink::formatOrMediaType)
                .filter(f -> f != null)
                .distinct()
                .toList();
        String format = formats.size() == 1 && distributions.stream().allMatch(d -> d.formatOrMediaType() != null)
                ? formats.get(0)
                : null;

        String publisher = null;
        JsonNode organization = pkg.get("organization");
        if (organization != null && organization.isObject()) {
            publisher =
                    firstNonBlank(BoundedJson.string(organization, "title"), BoundedJson.string(organization, "name"));
        }
        if (publisher == null) {
            publisher = BoundedJson.string(pkg, "author");
        }
        String license = firstNonBlank(
                BoundedJson.string(pkg, "license_url"),
                BoundedJson.string(pkg, "license_id"),
                BoundedJson.string(pkg, "license_title"));

        String temporal = extra(pkg, "temporal");
        if (temporal == null && (extra(pkg, "temporal_start") != null || extra(pkg, "temporal_end") != null)) {
            String start = extra(pkg, "temporal_start");
            String end = extra(pkg, "temporal_end");
            temporal = (start == null ? ".." : start) + "/" + (end == null ? ".." : end);
        }
        String spatial = firstNonBlank(extra(pkg, "spatial_text"), extra(pkg, "spatial"));

        return Result.ok(new DescribedDataset(
                title, description, keywords, format, List.of(), temporal, spatial, publisher, license, distributions));
    }

    private static LocalizedText translated(JsonNode pkg, String name) {
        LocalizedText text = LocalizedTexts.EMPTY;
        JsonNode translated = pkg.get(name + "_translated");
        if (translated != null && translated.isObject()) {
            text = new LocalizedText(
                    firstNonBlank(BoundedJson.string(translated, "zh"), BoundedJson.string(translated, "zh_CN")),
                    BoundedJson.string(translated, "en"));
        }
        return LocalizedTexts.orElse(text, LocalizedTexts.guess(BoundedJson.string(pkg, name)));
    }

    private static String extra(JsonNode pkg, String key) {
        JsonNode direct = pkg.get(key);
        if (direct != null && direct.isString() && !direct.asString().isBlank()) {
            return direct.asString();
        }
        List<JsonNode> extras = BoundedJson.items(pkg.get("extras"));
        for (int i = 0; i < extras.size() && i < BoundedJson.MAX_ITEMS; i++) {
            JsonNode extra = extras.get(i);
            if (extra.isObject() && key.equals(BoundedJson.string(extra, "key"))) {
                String value = BoundedJson.string(extra, "value");
                return value == null || value.isBlank() ? null : value;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
