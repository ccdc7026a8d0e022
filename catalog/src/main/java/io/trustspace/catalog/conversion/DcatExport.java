package io.trustspace.catalog.conversion;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.catalog.resource.Classification;
import io.trustspace.catalog.resource.Distribution;
import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.PersonalInformation;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.SchemaField;
import io.trustspace.catalog.resource.TemporalCoverage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes catalog metadata as DCAT 3 in compact JSON-LD: a {@link DescribedDataset} as a {@code dcat:Dataset} in the
 * form {@link DcatApImport} reads back unchanged, and a resource's {@link ResourceMetadata} (plus its
 * {@link DataIdentifier}) as a {@code dcat:Dataset}, {@code dcat:DataService} or {@code ts:DataProduct}, e.g. for a
 * DSP catalog.
 *
 * <p>The document has an inline {@code @context} binding {@code dcat}, {@code dct}, {@code foaf}, {@code xsd} and
 * {@code ts} ({@value #TS}); titles and descriptions are arrays of {@code {"@value", "@language": "zh"|"en"}};
 * keywords are plain strings under {@code dcat:keyword}; a temporal {@code start/end} interval becomes a
 * {@code dct:PeriodOfTime} with {@code dcat:startDate}/{@code dcat:endDate} typed {@code xsd:date} or
 * {@code xsd:dateTime}, any other temporal text a plain literal; the publisher is a {@code foaf:Agent} with
 * {@code foaf:name}; licence, spatial and format values are {@code {"@id"}} references when they are
 * {@code http(s):} or {@code urn:} IRIs, else literals. Each distribution has
 * {@code dcat:accessURL} as an {@code @id} (described datasets only), its format as {@code dct:format}, its media type
 * as {@code dcat:mediaType} and its access method as {@code ts:accessMethod} (an {@code @id} such as {@code ts:Api},
 * see {@link CatalogVocabulary}).
 *
 * <p><b>Field schema.</b> DCAT has no term for a table's columns, so the fields go under {@code ts:schema}: an array
 * of objects with {@code ts:name}, {@code ts:type} (an {@code xsd:} datatype), {@code ts:nullable} (boolean) and,
 * when present, {@code ts:title}, {@code ts:unit}, {@code ts:semanticTag} (a {@link SemanticTag#term()}),
 * {@code ts:personalInformation} (true for PIPL candidates, informative only: importers derive it from the tag) and
 * {@code ts:example}. Consumers that do not know {@code ts:} ignore it, as JSON-LD allows. Stateless and thread-safe.
 */
public final class DcatExport {

    public static final String DCAT = CatalogVocabulary.DCAT;
    public static final String DCT = CatalogVocabulary.DCT;
    public static final String FOAF = CatalogVocabulary.FOAF;
    public static final String XSD = CatalogVocabulary.XSD;
    public static final String TS = CatalogVocabulary.TS;

    private static final Pattern INTERVAL =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}(?:T[^/]+)?)/(\\d{4}-\\d{2}-\\d{2}(?:T[^/]+)?|\\.\\.)");
    private static final Pattern IRI = Pattern.compile("(https?|urn):\\S+");

    private DcatExport() {}

    /** The JSON-LD document as a tree (a new, mutable node on each call). */
    public static ObjectNode toJsonLd(DescribedDataset dataset) {
        ObjectNode root = document();
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
            for (DistributionLink link : dataset.distributions()) {
                ObjectNode node = distribution(distributions, link.distribution());
                node.putObject("dcat:accessURL").put("@id", link.accessUrl());
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
                node.put("ts:type", CatalogVocabulary.compactDatatype(field.type()));
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

    /**
     * A resource's metadata as a DCAT 3 JSON-LD node (a new, mutable node on each call): {@code @type} by kind
     * ({@code dcat:Dataset}, {@code dcat:DataService}, or {@code ["dcat:Dataset", "ts:DataProduct"]}), the identifier
     * as {@code dct:identifier} (and {@code dcat:version} when versioned), then every stated part of the metadata
     * under the terms the SHACL shapes check: {@code dct:title}, {@code dct:description}, {@code dcat:keyword},
     * {@code ts:industry}, {@code ts:classificationLevel} ({@code @id}), {@code ts:dataCategory},
     * {@code ts:securityAssessment}, {@code ts:personalInformation} (boolean), {@code ts:legalBasis} ({@code @id}),
     * {@code ts:schema} (entries with {@code ts:name}, {@code ts:type}, {@code ts:unit}, {@code ts:semanticTag}),
     * {@code dct:temporal} ({@code dct:PeriodOfTime} with {@code xsd:date}s), {@code dct:spatial},
     * {@code dct:accrualPeriodicity} ({@code @id}, EU frequency table), {@code ts:storageRegion},
     * {@code ts:storageCountry}, {@code ts:sample}, {@code dcat:distribution} and {@code ts:basedOn} (identifiers of
     * the datasets a product is built on). Missing parts are left out. No {@code @id} is set: the caller names the
     * node (a DSP catalog uses its own dataset ids). The data address is never part of metadata, so never written.
     *
     * @param identifier the resource's identifier, or {@code null} to leave it out
     */
    public static ObjectNode toJsonLd(ResourceKind kind, ResourceMetadata metadata, DataIdentifier identifier) {
        ObjectNode root = document();
        switch (kind) {
            case DATASET -> root.put("@type", "dcat:Dataset");
            case DATA_SERVICE -> root.put("@type", "dcat:DataService");
            case DATA_PRODUCT -> root.putArray("@type").add("dcat:Dataset").add("ts:DataProduct");
        }
        if (identifier != null) {
            root.put("dct:identifier", identifier.format());
            identifier.versionNumber().ifPresent(version -> root.put("dcat:version", String.valueOf(version)));
        }
        localized(root, "dct:title", metadata.title());
        localized(root, "dct:description", metadata.description());
        strings(root, "dcat:keyword", metadata.keywords());
        putIfPresent(root, "ts:industry", metadata.industry());
        Classification classification = metadata.classification();
        if (classification != null) {
            if (classification.level() != null) {
                reference(root, "ts:classificationLevel", CatalogVocabulary.iri(classification.level()));
            }
            putIfPresent(root, "ts:dataCategory", classification.category());
            putIfPresent(root, "ts:securityAssessment", classification.securityAssessment());
        }
        PersonalInformation personalInformation = metadata.personalInformation();
        if (personalInformation != null) {
            root.put("ts:personalInformation", personalInformation.contained());
            if (personalInformation.legalBasis() != null) {
                reference(root, "ts:legalBasis", CatalogVocabulary.iri(personalInformation.legalBasis()));
            }
        }
        if (!metadata.schema().isEmpty()) {
            ArrayNode schema = root.putArray("ts:schema");
            for (SchemaField field : metadata.schema()) {
                ObjectNode node = schema.addObject();
                putIfPresent(node, "ts:name", field.name());
                if (field.type() != null) {
                    node.put("ts:type", CatalogVocabulary.compactDatatype(field.type()));
                }
                putIfPresent(node, "ts:unit", field.unit());
                putIfPresent(node, "ts:semanticTag", field.semanticTag());
            }
        }
        TemporalCoverage temporal = metadata.temporalCoverage();
        if (temporal != null) {
            ObjectNode period = root.putObject("dct:temporal");
            period.put("@type", "dct:PeriodOfTime");
            if (temporal.start() != null) {
                typedDate(period, "dcat:startDate", temporal.start().toString());
            }
            if (temporal.end() != null) {
                typedDate(period, "dcat:endDate", temporal.end().toString());
            }
        }
        if (metadata.spatialCoverage() != null) {
            literalOrIri(root, "dct:spatial", metadata.spatialCoverage());
        }
        if (metadata.updateFrequency() != null) {
            reference(root, "dct:accrualPeriodicity", CatalogVocabulary.iri(metadata.updateFrequency()));
        }
        putIfPresent(root, "ts:storageRegion", metadata.storageRegion());
        putIfPresent(root, "ts:storageCountry", metadata.storageCountry());
        if (metadata.sample() != null) {
            ObjectNode sample = root.putObject("ts:sample");
            putIfPresent(sample, "dcat:mediaType", metadata.sample().mediaType());
            putIfPresent(sample, "ts:content", metadata.sample().content());
        }
        if (!metadata.distributions().isEmpty()) {
            ArrayNode distributions = root.putArray("dcat:distribution");
            metadata.distributions().forEach(distribution -> distribution(distributions, distribution));
        }
        strings(
                root,
                "ts:basedOn",
                metadata.basedOn().stream().map(DataIdentifier::format).toList());
        return root;
    }

    private static ObjectNode document() {
        ObjectNode root = BoundedJson.MAPPER.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("dcat", DCAT);
        context.put("dct", DCT);
        context.put("foaf", FOAF);
        context.put("xsd", XSD);
        context.put("ts", TS);
        return root;
    }

    private static ObjectNode distribution(ArrayNode distributions, Distribution distribution) {
        ObjectNode node = distributions.addObject();
        node.put("@type", "dcat:Distribution");
        if (distribution.format() != null) {
            literalOrIri(node, "dct:format", distribution.format());
        }
        putIfPresent(node, "dcat:mediaType", distribution.mediaType());
        if (distribution.accessMethod() != null) {
            reference(node, "ts:accessMethod", CatalogVocabulary.iri(distribution.accessMethod()));
        }
        return node;
    }

    private static void strings(ObjectNode parent, String term, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = parent.putArray(term);
            values.forEach(array::add);
        }
    }

    private static void putIfPresent(ObjectNode parent, String term, String value) {
        if (value != null) {
            parent.put(term, value);
        }
    }

    /** A {@code ts:} IRI compacted, anything else in full, as {@code {"@id"}}. */
    private static void reference(ObjectNode parent, String term, String iri) {
        parent.putObject(term).put("@id", iri.startsWith(TS) ? "ts:" + iri.substring(TS.length()) : iri);
    }

    private static void localized(ObjectNode parent, String term, LocalizedText text) {
        if (LocalizedTexts.isEmpty(text)) {
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
