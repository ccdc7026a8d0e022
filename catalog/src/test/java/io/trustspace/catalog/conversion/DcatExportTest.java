package io.trustspace.catalog.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.resource.LocalizedText;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DcatExportTest {

    private static DescribedDataset evDataset() {
        List<FieldDescription> fields = CsvSchemaInference.infer(Fixtures.bytes("ev-charging-sessions.csv"), 100)
                .orElseThrow();
        return new DescribedDataset(
                new LocalizedText("深圳充电记录", "Shenzhen charging sessions"),
                new LocalizedText("充电会话明细", null),
                List.of("充电桩", "EV"),
                "CSV",
                fields,
                "2024-03-01T00:00:00+08:00/..",
                "广东省深圳市",
                "深圳市交通运输局",
                "CC-BY-4.0",
                List.of(
                        DistributionLink.of("https://data.example.cn/ev.csv", "text/csv"),
                        DistributionLink.of("https://data.example.cn/ev.parquet", "Parquet")));
    }

    @Test
    void export_writesDcat3JsonLd() {
        ObjectNode doc = DcatExport.toJsonLd(evDataset());

        assertThat(doc.get("@context").get("dcat").asString()).isEqualTo("http://www.w3.org/ns/dcat#");
        assertThat(doc.get("@context").get("xsd").asString()).isEqualTo("http://www.w3.org/2001/XMLSchema#");
        assertThat(doc.get("@type").asString()).isEqualTo("dcat:Dataset");
        JsonNode titles = doc.get("dct:title");
        assertThat(titles.get(0).get("@language").asString()).isEqualTo("zh");
        assertThat(titles.get(1).get("@value").asString()).isEqualTo("Shenzhen charging sessions");
        assertThat(titles.get(1).get("@language").asString()).isEqualTo("en");
        assertThat(doc.get("dct:temporal").get("dcat:startDate").get("@type").asString())
                .isEqualTo("xsd:dateTime");
        assertThat(doc.get("dct:temporal").has("dcat:endDate")).isFalse();
        JsonNode distributions = doc.get("dcat:distribution");
        assertThat(distributions.get(0).get("dcat:mediaType").asString()).isEqualTo("text/csv");
        assertThat(distributions.get(0).get("dcat:accessURL").get("@id").asString())
                .isEqualTo("https://data.example.cn/ev.csv");
        assertThat(distributions.get(1).get("dct:format").asString()).isEqualTo("Parquet");
        assertThat(doc.get("dct:license").asString()).isEqualTo("CC-BY-4.0");
        assertThat(DcatExport.toJsonLd(DcatApImport.read(Fixtures.text("dcat-ap-dataset.jsonld"))
                                .orElseThrow())
                        .get("dct:spatial")
                        .get("@id")
                        .asString())
                .isEqualTo("http://publications.europa.eu/resource/authority/place/CHN_GZ");
        JsonNode phone = doc.get("ts:schema").get(7);
        assertThat(phone.get("ts:name").asString()).isEqualTo("用户手机号");
        assertThat(phone.get("ts:type").asString()).isEqualTo("xsd:string");
        assertThat(phone.get("ts:semanticTag").asString()).isEqualTo("phone_number");
        assertThat(phone.get("ts:personalInformation").asBoolean()).isTrue();
        assertThat(phone.get("ts:example").asString()).isEqualTo("138****5678");
        assertThat(doc.get("ts:schema").get(3).get("ts:unit").asString()).isEqualTo("kWh");
    }

    @Test
    void dcatApImportExportImport_isStable() {
        DescribedDataset imported =
                DcatApImport.read(Fixtures.text("dcat-ap-dataset.jsonld")).orElseThrow();
        DescribedDataset again = DcatApImport.read(DcatExport.write(imported)).orElseThrow();
        assertThat(again).isEqualTo(imported);
    }

    @Test
    void datasetWithInferredSchema_roundTripsThroughDcat() {
        DescribedDataset dataset = evDataset();
        assertThat(DcatApImport.read(DcatExport.write(dataset)).orElseThrow()).isEqualTo(dataset);
    }

    @Test
    void ckanToDcat_roundTrips() {
        DescribedDataset ckan =
                CkanImport.read(Fixtures.text("ckan-package-show.json")).orElseThrow();
        assertThat(DcatApImport.read(DcatExport.write(ckan)).orElseThrow()).isEqualTo(ckan);
    }

    @Test
    void distributionWithFormatMediaTypeAndAccessMethod_roundTrips() {
        DescribedDataset dataset = new DescribedDataset(
                LocalizedTexts.guess("traffic"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new DistributionLink(
                        "https://api.example.cn/traffic",
                        new io.trustspace.catalog.resource.Distribution(
                                "OpenAPI 3.1", "application/json", io.trustspace.catalog.resource.AccessMethod.API))));
        ObjectNode doc = DcatExport.toJsonLd(dataset);
        assertThat(doc.get("dcat:distribution")
                        .get(0)
                        .get("ts:accessMethod")
                        .get("@id")
                        .asString())
                .isEqualTo("ts:Api");
        assertThat(DcatApImport.read(DcatExport.write(dataset)).orElseThrow()).isEqualTo(dataset);
        doc.withArray("dcat:distribution").get(0).withObject("ts:accessMethod").put("@id", "ts:Fax");
        assertThat(Fixtures.reason(DcatApImport.read(doc))).contains("ts:accessMethod 'ts:Fax' is unknown");
    }

    @Test
    void freeTextTemporal_isALiteral() {
        DescribedDataset dataset = new DescribedDataset(
                LocalizedTexts.guess("t"), null, null, null, null, "2024年第一季度", null, null, null, null);
        ObjectNode doc = DcatExport.toJsonLd(dataset);
        assertThat(doc.get("dct:temporal").asString()).isEqualTo("2024年第一季度");
        assertThat(doc.has("dct:description")).isFalse();
        assertThat(DcatApImport.read(doc).orElseThrow()).isEqualTo(dataset);
    }
}
