package io.trustspace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every operator on every kind of operand, through the parser, the compiler and a decision. */
class OperatorTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    private static boolean holds(String constraint, UnaryOperator<EvaluationContext.Builder> facts) {
        String json = """
                {"@id": "urn:p", "@type": "Set", "permission": [{"action": "use", "constraint": [%s]}]}
                """.formatted(constraint);
        CompiledPolicy policy = PolicyCompiler.compile(PolicyParser.parse(json).orElseThrow());
        EvaluationContext context = facts.apply(
                        EvaluationContext.builder(Action.USE, NOW).agreementStart(NOW.minus(Duration.ofDays(10))))
                .build();
        return policy.decide(context).permitted();
    }

    private static String constraint(String left, String operator, String right) {
        return "{\"leftOperand\": \"%s\", \"operator\": \"%s\", \"rightOperand\": %s}".formatted(left, operator, right);
    }

    @ParameterizedTest(name = "count {0} {1} with use number 5 -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            eq       | 5        | true
            eq       | 4        | false
            neq      | 4        | true
            neq      | 5        | false
            lt       | 6        | true
            lt       | 5        | false
            lteq     | 5        | true
            lteq     | 4        | false
            gt       | 4        | true
            gt       | 5        | false
            gteq     | 5        | true
            gteq     | 6        | false
            isAnyOf  | [1, 5]   | true
            isAnyOf  | [1, 2]   | false
            isNoneOf | [1, 2]   | true
            isNoneOf | [5, 6]   | false
            isAllOf  | [5, 5]   | true
            isAllOf  | [5, 6]   | false
            isPartOf | [4, 5]   | true
            isPartOf | [6]      | false
            """)
    void integerOperators(String operator, String right, boolean expected) {
        assertThat(holds(constraint("count", operator, right), b -> b.priorUses(4)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "region {0} {1} with CN -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            eq       | "CN"           | true
            eq       | "HK"           | false
            neq      | "HK"           | true
            neq      | "CN"           | false
            isAnyOf  | ["HK", "CN"]   | true
            isAnyOf  | ["HK"]         | false
            isAnyOf  | "CN"           | true
            isNoneOf | ["HK", "MO"]   | true
            isNoneOf | ["CN"]         | false
            isAllOf  | ["CN"]         | true
            isAllOf  | ["CN", "HK"]   | false
            isPartOf | {"@list": ["CN", "HK"]} | true
            isPartOf | ["EU"]         | false
            """)
    void textOperators(String operator, String right, boolean expected) {
        assertThat(holds(constraint("region", operator, right), b -> b.region("CN")))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "roles {0} {1} with [analyst, auditor] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            eq       | "auditor"                        | true
            eq       | "admin"                          | false
            neq      | "admin"                          | true
            neq      | "auditor"                        | false
            isAnyOf  | ["admin", "auditor"]             | true
            isAnyOf  | ["admin"]                        | false
            isNoneOf | ["admin"]                        | true
            isNoneOf | ["admin", "analyst"]             | false
            isAllOf  | ["analyst", "auditor"]           | true
            isAllOf  | ["analyst", "admin"]             | false
            isPartOf | ["analyst", "auditor", "admin"]  | true
            isPartOf | ["analyst"]                      | false
            """)
    void setOperatorsOnRoles(String operator, String right, boolean expected) {
        assertThat(holds(constraint("recipient.role", operator, right), b -> b.roles(Set.of("analyst", "auditor"))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "dateTime {0} {1} at 2026-06-15T12:00Z -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            eq   | "2026-06-15T20:00:00+08:00" | true
            eq   | "2026-06-15T12:00:01Z"      | false
            neq  | "2026-06-15T12:00:01Z"      | true
            lt   | "2026-06-15T12:00:00.001Z"  | true
            lt   | "2026-06-15T12:00:00Z"      | false
            lteq | "2026-06-15T12:00:00Z"      | true
            lteq | "2026-06-15T11:59:59Z"      | false
            gt   | "2026-06-15T11:59:59Z"      | true
            gt   | "2026-06-15T12:00:00Z"      | false
            gteq | {"@value": "2026-06-15T12:00:00Z", "@type": "xsd:dateTime"} | true
            gteq | "2026-06-15T07:00:01-05:00" | false
            """)
    void dateTimeOperators(String operator, String right, boolean expected) {
        assertThat(holds(constraint("dateTime", operator, right), b -> b)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "elapsedTime {0} {1} after 10 days -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            eq   | "P10D"           | true
            eq   | "PT240H"         | true
            neq  | "P9D"            | true
            lt   | "P10DT1S"        | true
            lt   | "P10D"           | false
            lteq | "P10D"           | true
            lteq | "P9DT23H59M59S"  | false
            gt   | "P9D"            | true
            gt   | "P10D"           | false
            gteq | {"@value": "P10D", "@type": "xsd:dayTimeDuration"} | true
            gteq | "P11D"           | false
            """)
    void durationOperators(String operator, String right, boolean expected) {
        assertThat(holds(constraint("elapsedTime", operator, right), b -> b)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "absent {0} -> denied")
    @CsvSource({"recipient.verificationLevel, neq, 1", "purpose, isNoneOf, [\"ads\"]", "recipient.space, neq, \"x\""})
    void absentFactNeverSatisfies(String left, String operator, String right) {
        assertThat(holds(constraint(left, operator, right), b -> b)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            and         | false
            or          | true
            xone        | true
            andSequence | false
            """)
    void logicalOperators(String logical, boolean expected) {
        String operands = String.join(
                ", ",
                Arrays.asList(
                        constraint("purpose", "eq", "\"research\""),
                        constraint("recipient.industry", "eq", "\"energy\"")));
        assertThat(holds(
                        "{\"%s\": [%s]}".formatted(logical, operands),
                        b -> b.purpose("research").industry("retail")))
                .isEqualTo(expected);
    }
}
