package io.trustspace.catalog.shacl;

import io.trustspace.catalog.conversion.CatalogVocabulary;
import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.catalog.resource.Classification;
import io.trustspace.catalog.resource.Distribution;
import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.PersonalInformation;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.SchemaField;
import io.trustspace.catalog.resource.TemporalCoverage;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * A resource's metadata as an RDF graph in the terms of {@link CatalogVocabulary} (the graph DCAT export describes),
 * with the field path of each node: the resource itself is {@code ""}, its distributions
 * {@code distributions[i]}, schema fields {@code schema[i]} and period {@code temporalCoverage}. Built directly with
 * the Jena API, so no JSON-LD context is fetched. Missing (null or blank) values are left out, so shapes report them
 * as missing; values that cannot be the IRI a term needs (a media type or semantic tag with spaces) are written as
 * literals, so shapes report their node kind. Mutable (tests break it on purpose); confined to one thread.
 */
record MetadataGraph(Model model, Resource root, Map<Node, String> paths) {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[A-Za-z0-9.+-]+");
    /** An absolute IRI with a scheme, or a CURIE {@code prefix:reference}, as AdmissionChecks accepts. */
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");

    static MetadataGraph of(ResourceKind kind, ResourceMetadata metadata) {
        Model model = ModelFactory.createDefaultModel();
        Map<Node, String> paths = new HashMap<>();
        Resource root = model.createResource();
        paths.put(root.asNode(), "");
        root.addProperty(
                RDF.type,
                switch (kind) {
                    case DATASET -> DCAT.Dataset;
                    case DATA_SERVICE -> DCAT.DataService;
                    case DATA_PRODUCT -> model.createResource(CatalogVocabulary.DATA_PRODUCT);
                });
        localized(root, DCTerms.title, metadata.title());
        localized(root, DCTerms.description, metadata.description());
        metadata.keywords().forEach(keyword -> root.addProperty(DCAT.keyword, keyword));
        text(
                root,
                ts(model, "industry"),
                metadata.industry() == null ? null : metadata.industry().strip());
        Classification classification = metadata.classification();
        if (classification != null) {
            if (classification.level() != null) {
                root.addProperty(
                        ts(model, "classificationLevel"),
                        model.createResource(CatalogVocabulary.iri(classification.level())));
            }
            text(root, ts(model, "dataCategory"), classification.category());
            text(root, ts(model, "securityAssessment"), classification.securityAssessment());
        }
        PersonalInformation personalInformation = metadata.personalInformation();
        if (personalInformation != null) {
            root.addLiteral(ts(model, "personalInformation"), personalInformation.contained());
            if (personalInformation.legalBasis() != null) {
                root.addProperty(
                        ts(model, "legalBasis"),
                        model.createResource(CatalogVocabulary.iri(personalInformation.legalBasis())));
            }
        }
        for (int i = 0; i < metadata.schema().size(); i++) {
            SchemaField field = metadata.schema().get(i);
            Resource node = model.createResource(model.createResource(CatalogVocabulary.FIELD));
            paths.put(node.asNode(), "schema[" + i + "]");
            root.addProperty(ts(model, "schema"), node);
            text(node, ts(model, "name"), field.name());
            if (field.type() != null) {
                node.addProperty(ts(model, "type"), model.createResource(CatalogVocabulary.datatype(field.type())));
            }
            if (field.unit() != null) {
                node.addProperty(ts(model, "unit"), field.unit());
            }
            if (field.semanticTag() != null) {
                node.addProperty(ts(model, "semanticTag"), iriOrLiteral(model, field.semanticTag()));
            }
        }
        TemporalCoverage temporal = metadata.temporalCoverage();
        if (temporal != null) {
            Resource period = model.createResource(DCTerms.PeriodOfTime);
            paths.put(period.asNode(), "temporalCoverage");
            root.addProperty(DCTerms.temporal, period);
            if (temporal.start() != null) {
                period.addProperty(
                        DCAT.startDate,
                        model.createTypedLiteral(temporal.start().toString(), XSDDatatype.XSDdate));
            }
            if (temporal.end() != null) {
                period.addProperty(
                        DCAT.endDate, model.createTypedLiteral(temporal.end().toString(), XSDDatatype.XSDdate));
            }
        }
        if (metadata.spatialCoverage() != null) {
            String spatial = metadata.spatialCoverage();
            root.addProperty(
                    DCTerms.spatial,
                    spatial.matches("(https?|urn):\\S+")
                            ? model.createResource(spatial)
                            : model.createLiteral(spatial));
        }
        if (metadata.updateFrequency() != null) {
            root.addProperty(
                    DCTerms.accrualPeriodicity,
                    model.createResource(CatalogVocabulary.iri(metadata.updateFrequency())));
        }
        text(root, ts(model, "storageRegion"), metadata.storageRegion());
        text(root, ts(model, "storageCountry"), metadata.storageCountry());
        for (int i = 0; i < metadata.distributions().size(); i++) {
            Distribution distribution = metadata.distributions().get(i);
            Resource node = model.createResource(DCAT.Distribution);
            paths.put(node.asNode(), "distributions[" + i + "]");
            root.addProperty(DCAT.distribution, node);
            text(node, DCTerms.format, distribution.format());
            if (distribution.mediaType() != null) {
                String mediaType = distribution.mediaType().strip();
                node.addProperty(
                        DCAT.mediaType,
                        MEDIA_TYPE.matcher(mediaType).matches()
                                ? model.createResource(CatalogVocabulary.IANA_MEDIA_TYPES + mediaType)
                                : model.createLiteral(mediaType));
            }
            if (distribution.accessMethod() != null) {
                node.addProperty(
                        ts(model, "accessMethod"),
                        model.createResource(CatalogVocabulary.iri(distribution.accessMethod())));
            }
        }
        for (DataIdentifier identifier : metadata.basedOn()) {
            root.addProperty(ts(model, "basedOn"), identifier.format());
        }
        return new MetadataGraph(model, root, paths);
    }

    /** The {@code ts:} property {@code local}. */
    static Property ts(Model model, String local) {
        return model.createProperty(CatalogVocabulary.TS, local);
    }

    private static void localized(Resource node, Property property, LocalizedText text) {
        if (text == null) {
            return;
        }
        if (text.zh() != null) {
            node.addProperty(property, text.zh(), "zh");
        }
        if (text.en() != null) {
            node.addProperty(property, text.en(), "en");
        }
    }

    private static void text(Resource node, Property property, String value) {
        if (value != null && !value.isBlank()) {
            node.addProperty(property, value);
        }
    }

    private static RDFNode iriOrLiteral(Model model, String value) {
        return IRI.matcher(value).matches() ? model.createResource(value) : model.createLiteral(value);
    }
}
