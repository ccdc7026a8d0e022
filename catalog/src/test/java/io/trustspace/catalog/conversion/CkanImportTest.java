package io.trustspace.catalog.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.resource.LocalizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class CkanImportTest {

    @Test
    void packageShow_mapsToDescribedDataset() {
        DescribedDataset dataset =
                CkanImport.read(Fixtures.text("ckan-package-show.json")).orElseThrow();

        assertThat(dataset.title()).isEqualTo(new LocalizedText("深圳市公共充电桩充电记录（2024年第一季度）", null));
        assertThat(dataset.description().zh()).startsWith("深圳市公共充电设施的充电会话记录");
        assertThat(dataset.keywords()).containsExactly("新能源汽车", "充电桩", "EV charging");
        assertThat(dataset.format()).isEqualTo("CSV");
        assertThat(dataset.publisher()).isEqualTo("深圳市交通运输局");
        assertThat(dataset.license()).isEqualTo("http://www.opendefinition.org/licenses/cc-by");
        assertThat(dataset.temporal()).isEqualTo("2024-01-01/2024-03-31");
        assertThat(dataset.spatial()).isEqualTo("广东省深圳市");
        assertThat(dataset.fields()).isEmpty();
        assertThat(dataset.distributions())
                .containsExactly(
                        DistributionLink.of(
                                "https://data.example.gov.cn/dataset/sz-ev/resource/r1/download/sessions-2024q1.csv",
                                "CSV"),
                        DistributionLink.of("https://api.example.gov.cn/ev/sessions", "CSV"));
    }

    @Test
    void barePackageWithTranslationsAndOnlyName() {
        DescribedDataset translated = CkanImport.read("""
                        {"name":"ev","title_translated":{"zh":"充电记录","en":"Charging sessions"},
                         "tags":["a", {"display_name":"b"}]}""").orElseThrow();
        assertThat(translated.title()).isEqualTo(new LocalizedText("充电记录", "Charging sessions"));
        assertThat(translated.keywords()).isEqualTo(List.of("a", "b"));

        assertThat(CkanImport.read("{\"name\":\"ev-sessions\"}").orElseThrow().title())
                .isEqualTo(new LocalizedText(null, "ev-sessions"));
    }

    @Test
    void missingOrFailedInput_isInvalidWithReason() {
        assertThat(Fixtures.reason(CkanImport.read("{\"notes\":\"x\"}")))
                .isEqualTo("INVALID: title: missing, and no name to fall back on");
        assertThat(Fixtures.reason(CkanImport.read(
                        "{\"success\":false,\"error\":{\"message\":\"Not found\",\"__type\":\"Not Found Error\"}}")))
                .isEqualTo("INVALID: CKAN reported failure: Not found");
        assertThat(Fixtures.reason(CkanImport.read("{\"success\":true}")))
                .isEqualTo("INVALID: result: missing or not an object");
        assertThat(Fixtures.reason(CkanImport.read("{\"title\":\"t\",\"resources\":[{\"format\":\"CSV\"}]}")))
                .isEqualTo("INVALID: resources[0].url: missing");
        assertThat(Fixtures.reason(CkanImport.read("{\"title\":\"t\",\"title\":\"u\"}")))
                .startsWith("INVALID: CKAN package is not well-formed JSON: Duplicate");
    }
}
