package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.AccessMethod;
import io.trustspace.catalog.resource.Distribution;
import io.trustspace.catalog.resource.FieldType;
import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.common.Result;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a DCAT-AP (or DCAT 3) {@code dcat:Dataset} in JSON-LD into a {@link DescribedDataset}; reads back exactly
 * what {@link DcatExport} writes, including the {@code ts:schema} field list.
 *
 * <p>Not a JSON-LD processor: terms are recognised compacted with the usual prefixes ({@code dct:}/{@code dcterms:},
 * {@code dcat:}, {@code foaf:}, {@code ts:}), as full IRIs, or bare (as with a default vocabulary). A document with
 * {@code @graph} is searched for its first {@code dcat:Dataset} node. Values may be strings, {@code @value} objects,
 * {@code @id} objects or arrays of them. A title or description without {@code @language} is placed by script (Han →
 * zh, else en); languages other than zh and en are ignored. Unknown members are ignored.
 *
 * <p>Required: a {@code dct:title} in zh or en; each distribution's {@code dcat:accessURL} (or
 * {@code dcat:downloadURL}); each {@code ts:schema} entry's {@code ts:name} and {@code ts:type}. Anything missing is
 * an {@code INVALID} result naming the member, e.g. {@code dcat:distribution[2]: dcat:accessURL missing}. Bounded:
 * {@value BoundedJson#MAX_CHARS} characters, nesting {@value BoundedJson#MAX_DEPTH}, {@value BoundedJson#MAX_ITEMS}
 * keywords, distributions or fields. Stateless and thread-safe.
 */
public final class DcatApImport {

    private DcatApImport() {}

    public static Result<DescribedDataset> read(String jsonLd) {
        return BoundedJson.parseObject(jsonLd, "DCAT-AP document").flatMap(DcatApImport::read);
    }

    public static Result<DescribedDataset> read(JsonNode document) {
        JsonNode dataset = document;
        JsonNode graph = document.get("@graph");
        if (graph != null) {
            dataset = null;
            for (JsonNode node : BoundedJson.items(graph)) {
                if (isDataset(node)) {
                    dataset = node;
                    break;
                }
            }
            if (dataset == null) {
                return Result.invalid("@graph: no node of @type dcat:Dataset");
            }
        } else if (document.has("@type") && !isDataset(document)) {
            return Result.invalid("@type: expected dcat:Dataset, was " + document.get("@type"));
        }
        return dataset(dataset);
    }

    private static Result<DescribedDataset> dataset(JsonNode node) {
        LocalizedText title = localized(member(node, DcatExport.DCT, "title"));
        if (LocalizedTexts.isEmpty(title)) {
            return Result.invalid("dct:title: missing (a title in zh or en is required)");
        }
        LocalizedText description = localized(member(node, DcatExport.DCT, "description"));
        List<JsonNode> keywordNodes = BoundedJson.items(member(node, DcatExport.DCAT, "keyword"));
        if (keywordNodes.size() > BoundedJson.MAX_ITEMS) {
            return Result.invalid("dcat:keyword: more than " + BoundedJson.MAX_ITEMS + " keywords");
        }
        List<String> keywords = new ArrayList<>();
        for (JsonNode keyword : keywordNodes) {
            String text = text(keyword);
            if (text != null) {
                keywords.add(text);
            }
        }
        String format = text(first(member(node, DcatExport.DCT, "format")));
        String temporal = temporal(first(member(node, DcatExport.DCT, "temporal")));
        String spatial = text(first(member(node, DcatExport.DCT, "spatial")));
        String publisher = agentName(first(member(node, DcatExport.DCT, "publisher")));
        String license = text(first(member(node, DcatExport.DCT, "license")));

        List<JsonNode> distributionNodes = BoundedJson.items(member(node, DcatExport.DCAT, "distribution"));
        if (distributionNodes.size() > BoundedJson.MAX_ITEMS) {
            return Result.invalid("dcat:distribution: more than " + BoundedJson.MAX_ITEMS + " distributions");
        }
        List<DistributionLink> distributions = new ArrayList<>();
        for (int i = 0; i < distributionNodes.size(); i++) {
            JsonNode d = distributionNodes.get(i);
            String path = "dcat:distribution[" + i + "]";
            if (!d.isObject()) {
                return Result.invalid(path + ": must be an object");
            }
            String url = text(first(member(d, DcatExport.DCAT, "accessURL")));
            if (url == null) {
                url = text(first(member(d, DcatExport.DCAT, "downloadURL")));
            }
            if (url == null) {
                return Result.invalid(path + ": dcat:accessURL missing");
            }
            String distributionFormat = text(first(member(d, DcatExport.DCT, "format")));
            String mediaType = text(first(member(d, DcatExport.DCAT, "mediaType")));
            if (mediaType != null && mediaType.startsWith(CatalogVocabulary.IANA_MEDIA_TYPES)) {
                mediaType = mediaType.substring(CatalogVocabulary.IANA_MEDIA_TYPES.length());
            }
            String methodIri = text(first(member(d, DcatExport.TS, "accessMethod")));
            AccessMethod method = null;
            if (methodIri != null) {
                method = accessMethod(methodIri);
                if (method == null) {
                    return Result.invalid(path + ": ts:accessMethod '" + methodIri + "' is unknown");
                }
            }
            distributions.add(new DistributionLink(url, new Distribution(distributionFormat, mediaType, method)));
        }

        Result<List<FieldDescription>> fields = schema(BoundedJson.items(member(node, DcatExport.TS, "schema")));
        if (!fields.isOk()) {
            return ((Result.Failure<List<FieldDescription>>) fields).cast();
        }
        return Result.ok(new DescribedDataset(
                title,
                description,
                keywords,
                format,
                fields.orElseThrow(),
                temporal,
                spatial,
                publisher,
                license,
                distributions));
    }

    private static Result<List<FieldDescription>> schema(List<JsonNode> entries) {
        if (entries.size() > CsvSchemaInference.MAX_COLUMNS) {
            return Result.invalid("ts:schema: more than " + CsvSchemaInference.MAX_COLUMNS + " fields");
        }
        List<FieldDescription> fields = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String path = "ts:schema[" + i + "]";
            if (!entry.isObject()) {
                return Result.invalid(path + ": must be an object");
            }
            String name = text(first(member(entry, DcatExport.TS, "name")));
            if (name == null || name.isBlank()) {
                return Result.invalid(path + ": ts:name missing");
            }
            String typeName = text(first(member(entry, DcatExport.TS, "type")));
            if (typeName == null) {
                return Result.invalid(path + ": ts:type missing");
            }
            FieldType type = CatalogVocabulary.fieldType(typeName).orElse(null);
            if (type == null) {
                return Result.invalid(path + ": ts:type '" + typeName + "' is not a supported datatype");
            }
            String tagName = text(first(member(entry, DcatExport.TS, "semanticTag")));
            SemanticTag tag = null;
            if (tagName != null) {
                tag = SemanticTag.of(tagName).orElse(null);
                if (tag == null) {
                    return Result.invalid(path + ": ts:semanticTag '" + tagName + "' is unknown");
                }
            }
            JsonNode nullable = first(member(entry, DcatExport.TS, "nullable"));
            if (nullable != null && nullable.isObject()) {
                nullable = nullable.get("@value");
            }
            if (nullable != null && !nullable.isBoolean()) {
                return Result.invalid(path + ": ts:nullable must be a boolean");
            }
            fields.add(new FieldDescription(
                    name,
                    text(first(member(entry, DcatExport.TS, "title"))),
                    type,
                    text(first(member(entry, DcatExport.TS, "unit"))),
                    tag,
                    nullable == null || nullable.asBoolean(),
                    text(first(member(entry, DcatExport.TS, "example")))));
        }
        return Result.ok(fields);
    }

    /** The access method named by its IRI ({@code ts:Api} or in full), or {@code null}. */
    private static AccessMethod accessMethod(String iri) {
        String full = iri.startsWith("ts:") ? CatalogVocabulary.TS + iri.substring(3) : iri;
        for (AccessMethod method : AccessMethod.values()) {
            if (CatalogVocabulary.iri(method).equals(full)) {
                return method;
            }
        }
        return null;
    }

    private static boolean isDataset(JsonNode node) {
        for (JsonNode type : BoundedJson.items(node.get("@type"))) {
            if (type.isString()) {
                String t = type.asString();
                if (t.equals("dcat:Dataset") || t.equals("Dataset") || t.equals(DcatExport.DCAT + "Dataset")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A member by compact, full-IRI or bare name; {@code null} if absent. */
    static JsonNode member(JsonNode node, String namespace, String local) {
        String prefix = switch (namespace) {
            case DcatExport.DCT -> "dct:";
            case DcatExport.DCAT -> "dcat:";
            case DcatExport.FOAF -> "foaf:";
            default -> "ts:";
        };
        for (String name : new String[] {prefix + local, namespace + local, local}) {
            JsonNode value = node.get(name);
            if (value != null) {
                return value;
            }
        }
        if (namespace.equals(DcatExport.DCT)) {
            return node.get("dcterms:" + local);
        }
        return null;
    }

    private static JsonNode first(JsonNode node) {
        List<JsonNode> items = BoundedJson.items(node);
        return items.isEmpty() ? null : items.get(0);
    }

    private static LocalizedText localized(JsonNode node) {
        LocalizedText result = LocalizedTexts.EMPTY;
        for (JsonNode value : BoundedJson.items(node)) {
            String text = text(value);
            if (text == null) {
                continue;
            }
            String language = value.isObject() ? BoundedJson.string(value, "@language") : null;
            LocalizedText one;
            if (language == null) {
                one = LocalizedTexts.guess(text);
            } else if (language.toLowerCase().startsWith("zh")) {
                one = new LocalizedText(text, null);
            } else if (language.toLowerCase().startsWith("en")) {
                one = new LocalizedText(null, text);
            } else {
                continue;
            }
            result = LocalizedTexts.orElse(result, one);
        }
        return result;
    }

    /** A literal's lexical form or a node's IRI; {@code null} for anything else. */
    static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asString();
        }
        if (node.isObject()) {
            String value = BoundedJson.string(node, "@value");
            return value != null ? value : BoundedJson.string(node, "@id");
        }
        return null;
    }

    private static String temporal(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && !node.has("@value") && !node.has("@id")) {
            String start = text(first(member(node, DcatExport.DCAT, "startDate")));
            String end = text(first(member(node, DcatExport.DCAT, "endDate")));
            if (start == null && end == null) {
                return null;
            }
            return (start == null ? ".." : start) + "/" + (end == null ? ".." : end);
        }
        return text(node);
    }

    private static String agentName(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && !node.has("@value")) {
            LocalizedText name = localized(member(node, DcatExport.FOAF, "name"));
            if (!LocalizedTexts.isEmpty(name)) {
                return name.zh() != null ? name.zh() : name.en();
            }
        }
        return text(node);
    }
}
