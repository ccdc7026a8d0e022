package io.trustspace.catalog.conversion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link DescribedDataset} as a DCAT 3 {@code dcat:Dataset} in compact JSON-LD, the form
 * {@link DcatApImport} reads back unchanged.
 *
 * <p>The document has an inline {@code @context} binding {@code dcat}, {@code dct}, {@code foaf}, {@code xsd} and
 * {@code ts} ({@value #TS}); titles and descriptions are arrays of {@code {"@value", "@language": "zh"|"en"}};
 * keywords are plain strings under {@code dcat:keyword}; a temporal {@code start/end} interval becomes a
 * {@code dct:PeriodOfTime} with {@code dcat:startDate}/{@code dcat:endDate} typed {@code xsd:date} or
 * {@code xsd:dateTime}, any other temporal text a plain literal; the publisher is a {@code foaf:Agent} with
 * {@code foaf:name}; licence, spatial and format values are {@code {"@id"}} references when they are
 * {@code http(s):} or {@code urn:} IRIs, else literals. Each distribution has
 * {@code dcat:accessURL} as an {@code @id} and its format as {@code dcat:mediaType} when it looks like a media type
 * ({@code type/subtype}), else as {@code dct:format}.
 *
 * <p><b>Field schema.</b> DCAT has no term for a table's columns, so the fields go under {@code ts:schema}: an array
 * of objects with {@code ts:name}, {@code ts:type} (an {@code xsd:} datatype), {@code ts:nullable} (boolean) and,
 * when present, {@code ts:title}, {@code ts:unit}, {@code ts:semanticTag} (a {@link SemanticTag#term()}),
 * {@code ts:personalInformation} (true for PIPL candidates, informative only: importers derive it from the tag) and
 * {@code ts:example}. Consumers that do not know {@code ts:} ignore it, as JSON-LD allows. Stateless and thread-safe.
 */
public final class DcatExport {

    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String TS = "https://trustspace.io/ns/catalog#";

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[A-Za-z0-9.+-]+");
    private static final Pattern INTERVAL =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}(?:T[^/]+)?)/(\\d{4}-\\d{2}-\\d{2}(?:T[^/]+)?|\\.\\.)");
    private static final Pattern IRI = Pattern.compile("(https?|urn):\\S+");

    private DcatExport() {}

    /** The JSON-LD document as a tree (a new, mutable node on each call). */
    public static ObjectNode toJsonLd(DescribedDataset dataset) {
        ObjectNode root = BoundedJson.MAPPER.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("dcat", DCAT);
        context.put("dct", DCT);
        context.put("foaf", FOAF);
        context.put("xsd", XSD);
        context.put("ts", TS);
        root.put("@type", "dcat:Dataset");
        localized(root, "dct:title", dataset.title());
        localized(root, "dct:description", dataset.description());
        if (!dataset.keywords().isEmpty()) {
            ArrayNode keywords = root.putArray("dcat:keyword");
            dataset.keywords().forEach(keywords::add);
        }
        if (dataset.format() != null) {
            literalOrIri(root, "dct:format", dataset.format());
        }
        if (dataset.temporal() != null) {
            Matcher interval = INTERVAL.matcher(dataset.temporal());
            if (interval.matches()) {
                ObjectNode period = root.putObject("dct:temporal");
                period.put("@type", "dct:PeriodOfTime");
                typedDate(period, "dcat:startDate", interval.group(1));
                if (!"..".equals(interval.group(2))) {
                    typedDate(period, "dcat:endDate", interval.group(2));
                }
            } else {
                root.put("dct:temporal", dataset.temporal());
            }
        }
        if (dataset.spatial() != null) {
            literalOrIri(root, "dct:spatial", dataset.spatial());
        }
        if (dataset.publisher() != null) {
            ObjectNode agent = root.putObject("dct:publisher");
            agent.put("@type", "foaf:Agent");
            agent.put("foaf:name", dataset.publisher());
        }
        if (dataset.license() != null) {
            literalOrIri(root, "dct:license", dataset.license());
        }
        if (!dataset.distributions().isEmpty()) {
            ArrayNode distributions = root.putArray("dcat:distribution");
            for (Distribution distribution : dataset.distributions()) {
                ObjectNode node = distributions.addObject();
                node.put("@type", "dcat:Distribution");
                node.putObject("dcat:accessURL").put("@id", distribution.accessUrl());
                if (distribution.format() != null) {
                    boolean mediaType =
                            MEDIA_TYPE.matcher(distribution.format()).matches();
                    literalOrIri(node, mediaType ? "dcat:mediaType" : "dct:format", distribution.format());
                }
            }
        }
        if (!dataset.fields().isEmpty()) {
            ArrayNode schema = root.putArray("ts:schema");
            for (FieldDescription field : dataset.fields()) {
                ObjectNode node = schema.addObject();
                node.put("ts:name", field.name());
                if (field.title() != null) {
                    node.put("ts:title", field.title());
                }
                node.put("ts:type", field.type().xsd());
                if (field.unit() != null) {
                    node.put("ts:unit", field.unit());
                }
                if (field.semanticTag() != null) {
                    node.put("ts:semanticTag", field.semanticTag().term());
                    if (field.personalInformation()) {
                        node.put("ts:personalInformation", true);
                    }
                }
                node.put("ts:nullable", field.nullable());
                if (field.example() != null) {
                    node.put("ts:example", field.example());
                }
            }
        }
        return root;
    }

    /** The JSON-LD document as pretty-printed text. */
    public static String write(DescribedDataset dataset) {
        return BoundedJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJsonLd(dataset));
    }

    private static void localized(ObjectNode parent, String term, LocalizedText text) {
        if (text.isEmpty()) {
            return;
        }
        ArrayNode values = parent.putArray(term);
        if (text.zh() != null) {
            values.addObject().put("@value", text.zh()).put("@language", "zh");
        }
        if (text.en() != null) {
            values.addObject().put("@value", text.en()).put("@language", "en");
        }
    }

    /** An {@code http(s):} or {@code urn:} value as a node reference {@code {"@id"}}, anything else as a literal. */
    private static void literalOrIri(ObjectNode parent, String term, String value) {
        if (IRI.matcher(value).matches()) {
            parent.putObject(term).put("@id", value);
        } else {
            parent.put(term, value);
        }
    }

    private static void typedDate(ObjectNode parent, String term, String value) {
        parent.putObject(term).put("@value", value).put("@type", value.length() == 10 ? "xsd:date" : "xsd:dateTime");
    }
}
