package io.trustspace.catalog.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.resource.FieldType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaImportTest {

    @Test
    void chargingSessionSchema_mapsPropertiesToFields() {
        List<FieldDescription> fields = JsonSchemaImport.read(Fixtures.text("charging-session.schema.json"))
                .orElseThrow();

        assertThat(fields)
                .containsExactly(
                        new FieldDescription("pileId", "充电桩编号", FieldType.STRING, null, null, false, "SZ-FT-0001"),
                        new FieldDescription(
                                "startTime", "开始时间", FieldType.DATE_TIME, null, SemanticTag.TIME, false, null),
                        new FieldDescription(
                                "settlementDate", "结算日期", FieldType.DATE, null, SemanticTag.TIME, true, null),
                        new FieldDescription("energy", "充电量", FieldType.DECIMAL, "kWh", null, false, null),
                        new FieldDescription("durationMinutes", "时长", FieldType.INTEGER, "min", null, true, null),
                        new FieldDescription("fastCharge", "是否快充", FieldType.BOOLEAN, null, null, true, null),
                        new FieldDescription(
                                "userPhone",
                                "用户手机号",
                                FieldType.STRING,
                                null,
                                SemanticTag.PHONE_NUMBER,
                                true,
                                "138****5678"),
                        new FieldDescription(
                                "longitude", null, FieldType.DECIMAL, null, SemanticTag.LONGITUDE, true, null));
    }

    @Test
    void requiredButNullableType_isNullable() {
        String schema = """
                {"type":"object","required":["a"],"properties":{"a":{"type":["integer","null"]}}}""";
        assertThat(JsonSchemaImport.read(schema).orElseThrow().get(0).nullable())
                .isTrue();
    }

    @Test
    void malformedSchemas_areRefusedWithPath() {
        assertThat(Fixtures.reason(JsonSchemaImport.read("{\"type\":\"array\"}")))
                .isEqualTo("INVALID: type: must be \"object\" (a schema of one record)");
        assertThat(Fixtures.reason(JsonSchemaImport.read("{\"type\":\"object\"}")))
                .isEqualTo("INVALID: properties: missing or empty");
        assertThat(Fixtures.reason(
                        JsonSchemaImport.read("{\"type\":\"object\",\"properties\":{\"fee\":{\"type\":\"object\"}}}")))
                .isEqualTo("INVALID: properties.fee.type: unsupported type 'object', fields must be flat");
        assertThat(Fixtures.reason(JsonSchemaImport.read(
                        "{\"type\":\"object\",\"properties\":{\"fee\":{\"$ref\":\"#/$defs/x\"}}}")))
                .isEqualTo("INVALID: properties.fee: $ref is not supported, inline the definition");
        assertThat(Fixtures.reason(
                        JsonSchemaImport.read("{\"type\":\"object\",\"properties\":{\"fee\":{\"type\":\"money\"}}}")))
                .isEqualTo("INVALID: properties.fee.type: unknown type 'money'");
        assertThat(Fixtures.reason(JsonSchemaImport.read(
                        "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\"}")))
                .isEqualTo("INVALID: $schema: unsupported dialect 'http://json-schema.org/draft-04/schema#',"
                        + " expected draft 2020-12");
        assertThat(Fixtures.reason(JsonSchemaImport.read("{\"type\":\"object\",")))
                .startsWith("INVALID: JSON Schema is not well-formed JSON: ");
        assertThat(Fixtures.reason(JsonSchemaImport.read("[1]")))
                .isEqualTo("INVALID: JSON Schema must be a JSON object");
    }

    @Test
    void deepNesting_isRefusedByTheBound() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        assertThat(Fixtures.reason(JsonSchemaImport.read(deep)))
                .startsWith("INVALID: JSON Schema is not well-formed JSON");
    }
}
