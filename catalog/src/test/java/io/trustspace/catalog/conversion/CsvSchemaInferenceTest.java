package io.trustspace.catalog.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.resource.FieldType;
import io.trustspace.common.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSchemaInferenceTest {

    private static List<FieldDescription> infer(String csv) {
        return CsvSchemaInference.infer(csv.getBytes(StandardCharsets.UTF_8), 100)
                .orElseThrow();
    }

    private static String failure(String csv) {
        return Fixtures.reason(CsvSchemaInference.infer(csv.getBytes(StandardCharsets.UTF_8), 100));
    }

    @Test
    void evChargingSessions_inferTypesUnitsAndSemanticTags() {
        List<FieldDescription> fields = CsvSchemaInference.infer(Fixtures.bytes("ev-charging-sessions.csv"), 1000)
                .orElseThrow();

        assertThat(fields)
                .extracting(FieldDescription::name)
                .containsExactly(
                        "充电桩编号",
                        "开始时间",
                        "结束时间",
                        "充电量(kWh)",
                        "费用（元）",
                        "经度",
                        "纬度",
                        "用户手机号",
                        "支付方式",
                        "是否快充",
                        "备注",
                        "结算日期");
        assertThat(fields.get(0))
                .isEqualTo(new FieldDescription("充电桩编号", null, FieldType.STRING, null, null, false, "SZ-FT-0001"));
        assertThat(fields.get(1))
                .isEqualTo(new FieldDescription(
                        "开始时间", null, FieldType.DATE_TIME, null, SemanticTag.TIME, false, "2024-03-01 08:12:05"));
        assertThat(fields.get(3))
                .isEqualTo(new FieldDescription("充电量(kWh)", null, FieldType.DECIMAL, "kWh", null, false, "35.6"));
        assertThat(fields.get(4).unit()).isEqualTo("元");
        assertThat(fields.get(4).type()).isEqualTo(FieldType.DECIMAL);
        assertThat(fields.get(5).semanticTag()).isEqualTo(SemanticTag.LONGITUDE);
        assertThat(fields.get(6).semanticTag()).isEqualTo(SemanticTag.LATITUDE);
        assertThat(fields.get(7))
                .isEqualTo(new FieldDescription(
                        "用户手机号", null, FieldType.STRING, null, SemanticTag.PHONE_NUMBER, true, "138****5678"));
        assertThat(fields.get(7).personalInformation()).isTrue();
        assertThat(fields.get(9).type()).isEqualTo(FieldType.BOOLEAN);
        FieldDescription remark = fields.get(10);
        assertThat(remark.type()).isEqualTo(FieldType.STRING);
        assertThat(remark.nullable()).isTrue();
        assertThat(remark.example()).isEqualTo("夜间停车,免收占位费");
        assertThat(fields.get(11).type()).isEqualTo(FieldType.DATE);
        assertThat(fields.get(11).semanticTag()).isEqualTo(SemanticTag.TIME);
    }

    @Test
    void quotedFieldsWithQuotesAndNewlines_areOneValue() {
        List<FieldDescription> fields = infer("id,note\n1,\"say \"\"hi\"\",\nthen\r\nleave\"\n2,x\n");
        assertThat(fields.get(1).example()).isEqualTo("say \"hi\",\nthen\r\nleave");
        assertThat(fields.get(0).type()).isEqualTo(FieldType.INTEGER);
    }

    @Test
    void dateFormats_isoSlashAndChinese() {
        assertThat(CsvSchemaInference.typeOf("2024-03-01")).isEqualTo(FieldType.DATE);
        assertThat(CsvSchemaInference.typeOf("2024/03/01")).isEqualTo(FieldType.DATE);
        assertThat(CsvSchemaInference.typeOf("2024/3/1")).isEqualTo(FieldType.DATE);
        assertThat(CsvSchemaInference.typeOf("2024年3月1日")).isEqualTo(FieldType.DATE);
        assertThat(CsvSchemaInference.typeOf("2024-02-30")).isEqualTo(FieldType.STRING);
        assertThat(CsvSchemaInference.typeOf("2024-03-01T08:00:00+08:00")).isEqualTo(FieldType.DATE_TIME);
        assertThat(CsvSchemaInference.typeOf("2024-03-01T08:00:00.125Z")).isEqualTo(FieldType.DATE_TIME);
        assertThat(CsvSchemaInference.typeOf("2024/03/01 8:05")).isEqualTo(FieldType.DATE_TIME);
        assertThat(CsvSchemaInference.typeOf("2024年3月1日 8时30分")).isEqualTo(FieldType.DATE_TIME);
        assertThat(CsvSchemaInference.typeOf("2024-03-01 25:00")).isEqualTo(FieldType.STRING);
    }

    @Test
    void numbersAndBooleans() {
        assertThat(CsvSchemaInference.typeOf("-42")).isEqualTo(FieldType.INTEGER);
        assertThat(CsvSchemaInference.typeOf("3.5e3")).isEqualTo(FieldType.DECIMAL);
        assertThat(CsvSchemaInference.typeOf("007")).isEqualTo(FieldType.STRING);
        assertThat(CsvSchemaInference.typeOf("否")).isEqualTo(FieldType.BOOLEAN);
        assertThat(infer("a\n1\n2.5\n").get(0).type()).isEqualTo(FieldType.DECIMAL);
        assertThat(infer("a\n1\nabc\n").get(0).type()).isEqualTo(FieldType.STRING);
        assertThat(infer("a\n2024-03-01\n2024-03-01 08:00\n").get(0).type()).isEqualTo(FieldType.DATE_TIME);
    }

    @Test
    void allMissingColumn_isNullableString() {
        FieldDescription field = infer("a,b\n1,\n2,NULL\n").get(1);
        assertThat(field.type()).isEqualTo(FieldType.STRING);
        assertThat(field.nullable()).isTrue();
        assertThat(field.example()).isNull();
    }

    @Test
    void idNumbers_areSensitivePersonalInformationByHeaderOrValue() {
        List<FieldDescription> fields = infer("身份证号,证件\n11010519491231002X,110105194912310029\n");
        assertThat(fields.get(0).semanticTag()).isEqualTo(SemanticTag.ID_NUMBER);
        assertThat(fields.get(0).semanticTag().sensitive()).isTrue();
        assertThat(fields.get(0).example()).isEqualTo("110***********002X");
        assertThat(fields.get(1).semanticTag()).isEqualTo(SemanticTag.ID_NUMBER);
        assertThat(fields.get(1).type()).isEqualTo(FieldType.STRING);
    }

    @Test
    void englishHeaders_matchWholeWords() {
        List<FieldDescription> fields = infer("Longitude,lat,plate_no,phone,template\n1.5,2.5,粤B12345,x,y\n");
        assertThat(fields)
                .extracting(FieldDescription::semanticTag)
                .containsExactly(
                        SemanticTag.LONGITUDE,
                        SemanticTag.LATITUDE,
                        SemanticTag.LICENSE_PLATE,
                        SemanticTag.PHONE_NUMBER,
                        null);
    }

    @Test
    void sampleLimit_stopsReadingButKeepsAmbiguityOut() {
        List<FieldDescription> fields = CsvSchemaInference.infer("a\n1\nx\n".getBytes(StandardCharsets.UTF_8), 1)
                .orElseThrow();
        assertThat(fields.get(0).type()).isEqualTo(FieldType.INTEGER);
    }

    @Test
    void oversizedInput_isSampledFromCompleteLines() {
        StringBuilder csv = new StringBuilder("n,text\n");
        while (csv.length() < CsvSchemaInference.MAX_BYTES + 100) {
            csv.append("1,\"multi\nline\"\n");
        }
        Result<List<FieldDescription>> result = CsvSchemaInference.infer(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 1000);
        assertThat(result.orElseThrow().get(0).type()).isEqualTo(FieldType.INTEGER);
    }

    @Test
    void raggedRow_isRefusedWithRecordAndLine() {
        assertThat(failure("a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5\n"))
                .isEqualTo("INVALID: record 3 (line 5) has 2 fields, the header has 3");
    }

    @Test
    void malformedQuoting_isRefusedPrecisely() {
        assertThat(failure("a,b\n1,ab\"c\n"))
                .isEqualTo("INVALID: record 1 (line 2) has a quote inside unquoted field 2");
        assertThat(failure("a,b\n1,\"ab\"c\n"))
                .isEqualTo("INVALID: record 1 (line 2) has text after the closing quote of field 2");
        assertThat(failure("a,b\n1,\"abc\n2,3\n"))
                .isEqualTo("INVALID: record 1 (line 2) has a quoted field that never closes");
    }

    @Test
    void badHeaders_areRefused() {
        assertThat(failure("")).isEqualTo("INVALID: the CSV is empty: no header line");
        assertThat(failure("a,,c\n")).isEqualTo("INVALID: header column 2 has no name");
        assertThat(failure("a,b,a\n")).isEqualTo("INVALID: header column 3 repeats the name 'a'");
        assertThat(failure("c,".repeat(CsvSchemaInference.MAX_COLUMNS) + "c\n"))
                .isEqualTo("INVALID: the header has 513 columns, more than the limit of 512");
        assertThat(failure("c,".repeat(600) + "c\n")).isEqualTo("INVALID: the header has more than 512 fields");
        assertThat(failure("c\n" + "1,".repeat(600) + "\n"))
                .isEqualTo("INVALID: record 1 (line 2) has more than 512 fields");
    }

    @Test
    void invalidUtf8AndBadArguments_areRefused() {
        assertThat(Fixtures.reason(CsvSchemaInference.infer(new byte[] {'a', '\n', (byte) 0xC3, '\n'}, 10)))
                .isEqualTo("INVALID: the CSV is not valid UTF-8 at byte offset 2");
        assertThat(Fixtures.reason(CsvSchemaInference.infer(new byte[0], 0)))
                .isEqualTo("INVALID: sampleRows must be between 1 and 1000, was 0");
    }

    @Test
    void unreadableStream_isUnavailable() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThat(Fixtures.reason(CsvSchemaInference.infer(broken, 10)))
                .isEqualTo("UNAVAILABLE: could not read the CSV: disk gone");
    }
}
