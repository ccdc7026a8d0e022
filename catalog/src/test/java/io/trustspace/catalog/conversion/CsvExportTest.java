package io.trustspace.catalog.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.resource.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void fields_areOneRowEach_quotedPerRfc4180() {
        String csv = CsvExport.write(List.of(
                new FieldDescription("充电量(kWh)", null, FieldType.DECIMAL, "kWh", null, false, "35.6"),
                new FieldDescription(
                        "用户手机号", null, FieldType.STRING, null, SemanticTag.PHONE_NUMBER, true, "138****5678"),
                new FieldDescription("备注", null, FieldType.STRING, null, null, true, "夜间停车,\"免收\"")));

        assertThat(csv)
                .isEqualTo("name,type,unit,semanticTag,nullable,example\r\n"
                        + "充电量(kWh),decimal,kWh,,false,35.6\r\n"
                        + "用户手机号,string,,phone_number,true,138****5678\r\n"
                        + "备注,string,,,true,\"夜间停车,\"\"免收\"\"\"\r\n");
    }

    @Test
    void exportedCsv_isItselfReadableCsv() {
        List<FieldDescription> fields = CsvSchemaInference.infer(Fixtures.bytes("ev-charging-sessions.csv"), 100)
                .orElseThrow();
        String csv = CsvExport.write(fields);
        List<FieldDescription> described = CsvSchemaInference.infer(csv.getBytes(StandardCharsets.UTF_8), 1000)
                .orElseThrow();
        assertThat(described)
                .extracting(FieldDescription::name)
                .containsExactly("name", "type", "unit", "semanticTag", "nullable", "example");
        assertThat(described.get(4).type()).isEqualTo(FieldType.BOOLEAN);
    }
}
