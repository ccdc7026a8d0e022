package io.trustspace.catalog.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.catalog.resource.AccessMethod;
import io.trustspace.catalog.resource.Classification;
import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.Distribution;
import io.trustspace.catalog.resource.FieldType;
import io.trustspace.catalog.resource.LegalBasis;
import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.PersonalInformation;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.Sample;
import io.trustspace.catalog.resource.SchemaField;
import io.trustspace.catalog.resource.TemporalCoverage;
import io.trustspace.catalog.resource.UpdateFrequency;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ResourceMetadataExportTest {

    private static final DataIdentifier TRAFFIC =
            DataIdentifier.of("ts.example.cn", "urn:trustspace:participant:0b6f6c2e", "traffic", 3);

    private static ResourceMetadata traffic(List<DataIdentifier> basedOn) {
        return new ResourceMetadata(
                LocalizedText.of("上海市道路交通流量", "Shanghai road traffic flow"),
                LocalizedText.of("主要道路每五分钟的车流量与平均车速。", "Vehicle counts and mean speed per 5 minutes."),
                "G5430",
                List.of("交通", "traffic"),
                new Classification(ClassificationLevel.IMPORTANT, "交通运输/道路流量", "沪网信评〔2026〕12号"),
                PersonalInformation.contained(LegalBasis.LEGAL_OBLIGATION),
                List.of(
                        new SchemaField("road_id", FieldType.STRING, null, "schema:identifier"),
                        new SchemaField("speed", FieldType.DECIMAL, "km/h", "schema:speed"),
                        SchemaField.of("road", FieldType.GEOMETRY)),
                new TemporalCoverage(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")),
                "310000",
                UpdateFrequency.CONTINUOUS,
                "310000",
                "CN",
                new Sample("text/csv", "road_id,speed\nR1,42.5\n"),
                List.of(
                        new Distribution("CSV", "text/csv", AccessMethod.DOWNLOAD),
                        new Distribution("OpenAPI 3.1", null, AccessMethod.API)),
                basedOn);
    }

    @Test
    void resourceMetadata_exportsAsDcatJsonLd() {
        ObjectNode doc = DcatExport.toJsonLd(ResourceKind.DATASET, traffic(List.of()), TRAFFIC);

        assertThat(doc.get("@context").get("ts").asString()).isEqualTo(CatalogVocabulary.TS);
        assertThat(doc.get("@type").asString()).isEqualTo("dcat:Dataset");
        assertThat(doc.has("@id")).isFalse();
        assertThat(doc.get("dct:identifier").asString()).isEqualTo(TRAFFIC.format());
        assertThat(doc.get("dcat:version").asString()).isEqualTo("3");
        assertThat(doc.get("dct:title").get(0).get("@language").asString()).isEqualTo("zh");
        assertThat(doc.get("dct:description").get(1).get("@value").asString()).startsWith("Vehicle counts");
        assertThat(doc.get("ts:industry").asString()).isEqualTo("G5430");
        assertThat(doc.get("ts:classificationLevel").get("@id").asString()).isEqualTo("ts:ImportantData");
        assertThat(doc.get("ts:securityAssessment").asString()).isEqualTo("沪网信评〔2026〕12号");
        assertThat(doc.get("ts:personalInformation").asBoolean()).isTrue();
        assertThat(doc.get("ts:legalBasis").get("@id").asString()).isEqualTo("ts:LegalObligation");
        JsonNode speed = doc.get("ts:schema").get(1);
        assertThat(speed.get("ts:type").asString()).isEqualTo("xsd:decimal");
        assertThat(speed.get("ts:unit").asString()).isEqualTo("km/h");
        assertThat(speed.get("ts:semanticTag").asString()).isEqualTo("schema:speed");
        assertThat(doc.get("ts:schema").get(2).get("ts:type").asString()).isEqualTo("geo:wktLiteral");
        assertThat(doc.get("dct:temporal").get("dcat:endDate").get("@type").asString())
                .isEqualTo("xsd:date");
        assertThat(doc.get("dct:accrualPeriodicity").get("@id").asString())
                .isEqualTo(CatalogVocabulary.FREQUENCY + "CONT");
        assertThat(doc.get("ts:storageCountry").asString()).isEqualTo("CN");
        JsonNode api = doc.get("dcat:distribution").get(1);
        assertThat(api.get("dct:format").asString()).isEqualTo("OpenAPI 3.1");
        assertThat(api.has("dcat:mediaType")).isFalse();
        assertThat(api.get("ts:accessMethod").get("@id").asString()).isEqualTo("ts:Api");
        assertThat(doc.get("dcat:distribution").get(0).get("dcat:mediaType").asString())
                .isEqualTo("text/csv");
        assertThat(doc.has("ts:basedOn")).isFalse();
    }

    @Test
    void dataProduct_isTypedAndNamesItsDatasets() {
        ObjectNode doc = DcatExport.toJsonLd(ResourceKind.DATA_PRODUCT, traffic(List.of(TRAFFIC)), null);
        assertThat(doc.get("@type").toString()).isEqualTo("[\"dcat:Dataset\",\"ts:DataProduct\"]");
        assertThat(doc.get("ts:basedOn").get(0).asString()).isEqualTo(TRAFFIC.format());
        assertThat(doc.has("dct:identifier")).isFalse();
        assertThat(DcatExport.toJsonLd(ResourceKind.DATA_SERVICE, ResourceMetadata.empty(), null)
                        .toString())
                .isEqualTo(
                        "{\"@context\":{\"dcat\":\"http://www.w3.org/ns/dcat#\",\"dct\":\"http://purl.org/dc/terms/\","
                                + "\"foaf\":\"http://xmlns.com/foaf/0.1/\",\"xsd\":\"http://www.w3.org/2001/XMLSchema#\","
                                + "\"ts\":\"https://trustspace.io/ns/catalog#\"},\"@type\":\"dcat:DataService\"}");
    }

    @Test
    void describedDataset_mapsToDraftMetadata() {
        DescribedDataset imported =
                DcatApImport.read(Fixtures.text("dcat-ap-dataset.jsonld")).orElseThrow();
        ResourceMetadata metadata = imported.toMetadata();

        assertThat(metadata.title()).isEqualTo(imported.title());
        assertThat(metadata.keywords()).isEqualTo(imported.keywords());
        assertThat(metadata.temporalCoverage())
                .isEqualTo(new TemporalCoverage(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")));
        assertThat(metadata.spatialCoverage()).isEqualTo(imported.spatial());
        assertThat(metadata.distributions())
                .containsExactlyElementsOf(imported.distributions().stream()
                        .map(DistributionLink::distribution)
                        .toList());
        assertThat(metadata.industry()).isNull();
        assertThat(metadata.classification()).isNull();

        List<FieldDescription> fields = CsvSchemaInference.infer(Fixtures.bytes("ev-charging-sessions.csv"), 100)
                .orElseThrow();
        ResourceMetadata inferred = new DescribedDataset(
                        LocalizedText.of("充电记录", null),
                        null,
                        null,
                        null,
                        fields,
                        "2024-03-01T00:00:00+08:00/..",
                        null,
                        null,
                        null,
                        null)
                .toMetadata();
        assertThat(inferred.schema()).hasSize(fields.size());
        assertThat(inferred.schema().get(7))
                .isEqualTo(new SchemaField("用户手机号", FieldType.STRING, null, CatalogVocabulary.TS + "phone_number"));
        assertThat(inferred.temporalCoverage()).isEqualTo(new TemporalCoverage(LocalDate.parse("2024-03-01"), null));
    }

    @Test
    void vocabulary_namesEveryEnumValueOnce() {
        for (FieldType type : FieldType.values()) {
            assertThat(CatalogVocabulary.fieldType(CatalogVocabulary.term(type)))
                    .contains(type);
            assertThat(CatalogVocabulary.fieldType(CatalogVocabulary.compactDatatype(type)))
                    .contains(type);
            assertThat(CatalogVocabulary.fieldType(CatalogVocabulary.datatype(type)))
                    .contains(type);
        }
        assertThat(Arrays.stream(LegalBasis.values())
                        .map(CatalogVocabulary::iri)
                        .distinct())
                .hasSize(LegalBasis.values().length)
                .contains(CatalogVocabulary.TS + "PubliclyDisclosed");
        assertThat(Arrays.stream(UpdateFrequency.values())
                        .map(CatalogVocabulary::iri)
                        .distinct())
                .hasSize(UpdateFrequency.values().length);
        assertThat(CatalogVocabulary.iri(AccessMethod.PRIVACY_COMPUTING))
                .isEqualTo(CatalogVocabulary.TS + "PrivacyComputing");
        assertThat(CatalogVocabulary.iri(ClassificationLevel.CORE)).isEqualTo(CatalogVocabulary.TS + "CoreData");
    }
}
