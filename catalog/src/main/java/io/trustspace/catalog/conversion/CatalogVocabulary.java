package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.AccessMethod;
import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.FieldType;
import io.trustspace.catalog.resource.LegalBasis;
import io.trustspace.catalog.resource.UpdateFrequency;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The RDF terms of TrustSpace catalog metadata: the namespaces DCAT export and the SHACL shapes
 * ({@code io/trustspace/catalog/shacl/trustspace-shapes.ttl}) share, and the IRI of each value of the resource
 * enums. Our own terms live in {@value #TS}, the catalog sibling of the policy vocabulary
 * {@code https://trustspace.io/ns/policy#}. Enum IRIs are {@code ts:} plus the UpperCamelCase constant name
 * ({@code LEGAL_OBLIGATION} → {@code ts:LegalObligation}); classification levels end in {@code Data}
 * ({@code ts:ImportantData}); update frequencies are the EU frequency authority table; field types are XSD datatypes
 * ({@code BINARY} → {@code xsd:base64Binary}) and GeoSPARQL {@code geo:wktLiteral} for {@code GEOMETRY}. Constants
 * only; thread-safe.
 */
public final class CatalogVocabulary {

    public static final String TS = "https://trustspace.io/ns/catalog#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String GEO = "http://www.opengis.net/ont/geosparql#";
    public static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
    public static final String IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";

    /** The class of data products, a subclass of {@code dcat:Dataset}. */
    public static final String DATA_PRODUCT = TS + "DataProduct";
    /** The class of schema fields (the values of {@code ts:schema}). */
    public static final String FIELD = TS + "Field";

    private CatalogVocabulary() {}

    /** {@code ts:GeneralData}, {@code ts:ImportantData} or {@code ts:CoreData}. */
    public static String iri(ClassificationLevel level) {
        return TS + camel(level.name()) + "Data";
    }

    /** {@code ts:Consent}, {@code ts:Contract}, {@code ts:LegalObligation}, … */
    public static String iri(LegalBasis basis) {
        return TS + camel(basis.name());
    }

    /** {@code ts:Download}, {@code ts:Api}, {@code ts:Stream}, {@code ts:PrivacyComputing}, {@code ts:Sandbox}. */
    public static String iri(AccessMethod method) {
        return TS + camel(method.name());
    }

    /** The EU frequency authority table entry, e.g. {@code …/frequency/CONT} for {@code CONTINUOUS}. */
    public static String iri(UpdateFrequency frequency) {
        String code = switch (frequency) {
            case CONTINUOUS -> "CONT";
            case IRREGULAR -> "IRREG";
            default -> frequency.name();
        };
        return FREQUENCY + code;
    }

    /** The full datatype IRI of a field type, e.g. {@code http://www.w3.org/2001/XMLSchema#dateTime}. */
    public static String datatype(FieldType type) {
        String compact = compactDatatype(type);
        return compact.startsWith("geo:") ? GEO + compact.substring(4) : XSD + compact.substring(4);
    }

    /** The compact datatype of a field type, e.g. {@code xsd:dateTime}, as DCAT export writes it. */
    public static String compactDatatype(FieldType type) {
        return switch (type) {
            case STRING -> "xsd:string";
            case INTEGER -> "xsd:integer";
            case DECIMAL -> "xsd:decimal";
            case BOOLEAN -> "xsd:boolean";
            case DATE -> "xsd:date";
            case DATE_TIME -> "xsd:dateTime";
            case BINARY -> "xsd:base64Binary";
            case GEOMETRY -> "geo:wktLiteral";
        };
    }

    /** The short name of a field type, e.g. {@code dateTime}, as CSV export writes it. */
    public static String term(FieldType type) {
        return switch (type) {
            case DATE_TIME -> "dateTime";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The field type named by a term ({@code dateTime}), compact ({@code xsd:dateTime}) or full datatype IRI. */
    public static Optional<FieldType> fieldType(String name) {
        return Arrays.stream(FieldType.values())
                .filter(type -> term(type).equals(name)
                        || compactDatatype(type).equals(name)
                        || datatype(type).equals(name))
                .findFirst();
    }

    private static String camel(String constant) {
        StringBuilder camel = new StringBuilder();
        for (String part : constant.split("_")) {
            camel.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return camel.toString();
    }
}
