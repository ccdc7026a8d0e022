package io.trustspace.catalog.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.resource.LocalizedText;
import org.junit.jupiter.api.Test;

class DcatApImportTest {

    @Test
    void dcatApDataset_mapsToDescribedDataset() {
        DescribedDataset dataset =
                DcatApImport.read(Fixtures.text("dcat-ap-dataset.jsonld")).orElseThrow();

        assertThat(dataset.title()).isEqualTo(new LocalizedText("广州市新能源汽车充电记录", "Guangzhou EV charging sessions"));
        assertThat(dataset.description().zh()).isEqualTo("广州市公共充电桩 2024 年充电会话明细。");
        assertThat(dataset.description().en()).startsWith("Charging sessions");
        assertThat(dataset.keywords()).containsExactly("充电桩", "新能源", "EV charging");
        assertThat(dataset.temporal()).isEqualTo("2024-01-01/2024-12-31");
        assertThat(dataset.spatial()).isEqualTo("http://publications.europa.eu/resource/authority/place/CHN_GZ");
        assertThat(dataset.publisher()).isEqualTo("广州市发展和改革委员会");
        assertThat(dataset.license()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(dataset.distributions())
                .containsExactly(
                        DistributionLink.of("https://data.example.gov.cn/gz-ev/2024.csv", "text/csv"),
                        DistributionLink.of(
                                "https://data.example.gov.cn/gz-ev/2024.parquet",
                                "http://publications.europa.eu/resource/authority/file-type/PARQUET"));
    }

    @Test
    void graphAndFullIris_areRecognised() {
        String graph = """
                {"@graph":[{"@type":"foaf:Agent"},
                  {"@type":["http://www.w3.org/ns/dcat#Dataset"],
                   "http://purl.org/dc/terms/title":"Charging sessions",
                   "dcterms:description":"充电会话"}]}""";
        DescribedDataset dataset = DcatApImport.read(graph).orElseThrow();
        assertThat(dataset.title()).isEqualTo(new LocalizedText(null, "Charging sessions"));
        assertThat(dataset.description()).isEqualTo(new LocalizedText("充电会话", null));
    }

    @Test
    void missingOrWrongMembers_areInvalidWithReason() {
        assertThat(Fixtures.reason(DcatApImport.read("{\"@type\":\"dcat:Dataset\",\"dcat:keyword\":[\"a\"]}")))
                .isEqualTo("INVALID: dct:title: missing (a title in zh or en is required)");
        assertThat(Fixtures.reason(
                        DcatApImport.read("{\"dct:title\":{\"@value\":\"Ladevorgänge\",\"@language\":\"de\"}}")))
                .isEqualTo("INVALID: dct:title: missing (a title in zh or en is required)");
        assertThat(Fixtures.reason(DcatApImport.read("{\"@type\":\"dcat:Catalog\",\"dct:title\":\"x\"}")))
                .isEqualTo("INVALID: @type: expected dcat:Dataset, was \"dcat:Catalog\"");
        assertThat(Fixtures.reason(DcatApImport.read("{\"@graph\":[{\"@type\":\"dcat:Catalog\"}]}")))
                .isEqualTo("INVALID: @graph: no node of @type dcat:Dataset");
        assertThat(Fixtures.reason(
                        DcatApImport.read("{\"dct:title\":\"x\",\"dcat:distribution\":[{\"dct:format\":\"CSV\"}]}")))
                .isEqualTo("INVALID: dcat:distribution[0]: dcat:accessURL missing");
        assertThat(Fixtures.reason(DcatApImport.read(
                        "{\"dct:title\":\"x\",\"ts:schema\":[{\"ts:name\":\"a\",\"ts:type\":\"xsd:hexBinary\"}]}")))
                .isEqualTo("INVALID: ts:schema[0]: ts:type 'xsd:hexBinary' is not a supported datatype");
        assertThat(Fixtures.reason(
                        DcatApImport.read("{\"dct:title\":\"x\",\"ts:schema\":[{\"ts:type\":\"xsd:string\"}]}")))
                .isEqualTo("INVALID: ts:schema[0]: ts:name missing");
        assertThat(
                        Fixtures.reason(
                                DcatApImport.read(
                                        "{\"dct:title\":\"x\",\"ts:schema\":[{\"ts:name\":\"a\",\"ts:type\":\"xsd:string\",\"ts:nullable\":\"yes\"}]}")))
                .isEqualTo("INVALID: ts:schema[0]: ts:nullable must be a boolean");
    }

    @Test
    void oversizedDocument_isRefused() {
        String big = "{\"dct:title\":\"" + "x".repeat(BoundedJson.MAX_CHARS) + "\"}";
        assertThat(Fixtures.reason(DcatApImport.read(big)))
                .isEqualTo("INVALID: DCAT-AP document has 1048592 characters, more than the limit of 1048576");
    }
}
