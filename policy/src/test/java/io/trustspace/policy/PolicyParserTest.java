package io.trustspace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {

    @Test
    void parse_readsDspOfferWithConstraintsDutyAndProhibition() {
        Policy policy = Fixtures.policy("offer-research.json");

        assertThat(policy.uid()).isEqualTo("urn:uuid:3dd1add8-4d2d-569e-d634-8394a8836a88");
        assertThat(policy.type()).isEqualTo(PolicyType.OFFER);
        assertThat(policy.assigner()).contains("did:web:provider.trustspace.example");
        assertThat(policy.assignee()).isEmpty();
        assertThat(policy.target()).contains("urn:uuid:b8f0a1c2-dataset-traffic-2025");
        Permission permission = policy.permissions().get(0);
        assertThat(permission.action()).isEqualTo(Action.USE);
        assertThat(permission.constraints())
                .containsExactly(
                        new Constraint(LeftOperand.PURPOSE, Operator.EQ, new RightOperand.TextValue("research")),
                        new Constraint(LeftOperand.COUNT, Operator.LTEQ, new RightOperand.IntegerValue(3)),
                        new Constraint(
                                LeftOperand.ELAPSED_TIME,
                                Operator.LTEQ,
                                new RightOperand.DurationValue(Duration.ofDays(30))),
                        new Constraint(
                                LeftOperand.SPATIAL,
                                Operator.IS_ANY_OF,
                                new RightOperand.ListValue(List.of(new RightOperand.TextValue("CN")))));
        assertThat(permission.duties())
                .containsExactly(new Duty(
                        Action.DELETE,
                        List.of(new Constraint(
                                LeftOperand.ELAPSED_TIME,
                                Operator.LTEQ,
                                new RightOperand.DurationValue(Duration.ofDays(90))))));
        assertThat(policy.prohibitions()).containsExactly(new Prohibition(Action.DISTRIBUTE, List.of()));
    }

    @Test
    void parse_readsPrefixedTermsIdObjectsFullIrisAndLists() {
        Policy policy = Fixtures.policy("set-logical.json");

        assertThat(policy.type()).isEqualTo(PolicyType.SET);
        Permission permission = policy.permissions().get(0);
        assertThat(permission.action()).isEqualTo(Action.READ);
        LogicalConstraint or = (LogicalConstraint) permission.constraints().get(0);
        assertThat(or.operator()).isEqualTo(LogicalConstraint.Kind.OR);
        assertThat(or.operands().get(1))
                .isEqualTo(new Constraint(
                        LeftOperand.RECIPIENT_ROLE,
                        Operator.IS_ANY_OF,
                        new RightOperand.ListValue(List.of(
                                new RightOperand.TextValue("auditor"), new RightOperand.TextValue("regulator")))));
        LogicalConstraint xone = (LogicalConstraint) permission.constraints().get(1);
        assertThat(xone.operator()).isEqualTo(LogicalConstraint.Kind.XONE);
        assertThat(xone.operands().get(1))
                .isEqualTo(new Constraint(
                        LeftOperand.RECIPIENT_VERIFICATION_LEVEL, Operator.GTEQ, new RightOperand.IntegerValue(3)));
    }

    @Test
    void parse_readsAgreementDateTimesWithOffsets() {
        Policy policy = Fixtures.policy("agreement-dated.json");

        assertThat(policy.type()).isEqualTo(PolicyType.AGREEMENT);
        assertThat(policy.assignee()).contains("did:web:consumer.trustspace.example");
        assertThat(policy.permissions().get(0).constraints().get(1))
                .isEqualTo(new Constraint(
                        LeftOperand.DATE_TIME,
                        Operator.LT,
                        new RightOperand.DateTimeValue(Instant.parse("2027-01-01T00:00:00Z"))));
        assertThat(policy.obligations()).containsExactly(new Duty(Action.ANONYMIZE, List.of()));
    }

    @Test
    void parse_acceptsOdrlContextAliasesTypeAndUid() {
        String json = """
                {"type": "Set", "uid": "urn:p", "assigner": {"uid": "did:web:a"},
                 "permission": [{"action": "http://www.w3.org/ns/odrl/2/derive",
                   "constraint": [{"leftOperand": "region", "operator": "isPartOf", "rightOperand": "CN"}]}]}
                """;

        Policy policy = PolicyParser.parse(json).orElseThrow();

        assertThat(policy.assigner()).contains("did:web:a");
        assertThat(policy.permissions().get(0).action()).isEqualTo(Action.DERIVE);
        assertThat(policy.permissions().get(0).constraints())
                .containsExactly(new Constraint(
                        LeftOperand.SPATIAL,
                        Operator.IS_PART_OF,
                        new RightOperand.ListValue(List.of(new RightOperand.TextValue("CN")))));
    }

    @Test
    void parse_acceptsLogicalConstraintWithOneObjectOperand_asEdcWritesIt() {
        Policy policy = PolicyParser.parse(
                        withConstraint(
                                "{\"odrl:or\": {\"odrl:leftOperand\": \"purpose\", \"odrl:operator\": \"eq\", \"odrl:rightOperand\": \"a\"}}"))
                .orElseThrow();

        assertThat(policy.permissions().get(0).constraints().get(1))
                .isEqualTo(new LogicalConstraint(
                        LogicalConstraint.Kind.OR,
                        List.of(new Constraint(LeftOperand.PURPOSE, Operator.EQ, new RightOperand.TextValue("a")))));
    }

    @Test
    void vocabulary_contextDocumentDefinesOurTerms() {
        String context = PolicyVocabulary.contextDocument();

        assertThat(context)
                .contains("\"ts\": \"https://trustspace.io/ns/policy#\"")
                .contains("\"region\": \"odrl:spatial\"")
                .contains("\"recipient.verificationLevel\": \"ts:recipient.verificationLevel\"");
        for (LeftOperand operand : LeftOperand.values()) {
            assertThat(context).contains("\"" + operand.term() + "\"");
        }
    }

    private static String withConstraint(String constraint) {
        return """
                {"@id": "urn:p", "@type": "Offer", "permission": [{"action": "use", "constraint": [
                  {"leftOperand": "purpose", "operator": "eq", "rightOperand": "research"}, %s]}]}
                """.formatted(constraint);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"leftOperand": "count", "operator": "odrl:foo", "rightOperand": 1}                   | permission[0].constraint[1].operator: unknown 'odrl:foo'
            {"leftOperand": "odrl:weather", "operator": "eq", "rightOperand": 1}                  | permission[0].constraint[1].leftOperand: unknown 'odrl:weather'
            {"operator": "eq", "rightOperand": 1}                                                 | permission[0].constraint[1].leftOperand: missing
            {"leftOperand": "count", "rightOperand": 1}                                           | permission[0].constraint[1].operator: missing
            {"leftOperand": "count", "operator": "eq"}                                            | permission[0].constraint[1].rightOperand: missing
            {"leftOperand": "count", "operator": "eq", "rightOperand": "three"}                   | permission[0].constraint[1].rightOperand: 'three' is not an xsd:integer
            {"leftOperand": "count", "operator": "eq", "rightOperand": {"@value": "3", "@type": "xsd:string"}} | permission[0].constraint[1].rightOperand.@type: 'xsd:string' is not a type for odrl:count (expected xsd:integer)
            {"leftOperand": "purpose", "operator": "lt", "rightOperand": "x"}                     | permission[0].constraint[1].operator: 'odrl:lt' does not apply to odrl:purpose, which is not ordered
            {"leftOperand": "dateTime", "operator": "isAnyOf", "rightOperand": ["2026-01-01T00:00:00Z"]} | permission[0].constraint[1].operator: 'odrl:isAnyOf' does not apply to odrl:dateTime; use lt/lteq/gt/gteq
            {"leftOperand": "purpose", "operator": "eq", "rightOperand": ["a", "b"]}              | permission[0].constraint[1].rightOperand: 'odrl:eq' needs a single value, not a list
            {"leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": []}                 | permission[0].constraint[1].rightOperand: empty list
            {"leftOperand": "dateTime", "operator": "lt", "rightOperand": "2026-01-01T00:00:00"}  | permission[0].constraint[1].rightOperand: '2026-01-01T00:00:00' is not an xsd:dateTime with a time-zone offset
            {"leftOperand": "elapsedTime", "operator": "lt", "rightOperand": "P1M"}               | permission[0].constraint[1].rightOperand: 'P1M' has years, months or weeks, which have no fixed length; use days
            {"leftOperand": "elapsedTime", "operator": "lt", "rightOperand": "thirty days"}       | permission[0].constraint[1].rightOperand: 'thirty days' is not an ISO 8601 duration
            {"leftOperand": "purpose", "operator": "eq", "rightOperand": 7}                       | permission[0].constraint[1].rightOperand: expected xsd:string for odrl:purpose
            {"or": []}                                                                            | permission[0].constraint[1].or: needs at least one constraint
            {"or": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "a"}, {"leftOperand": "count", "operator": "odrl:foo", "rightOperand": 1}]} | permission[0].constraint[1].or[1].operator: unknown 'odrl:foo'
            {"and": [], "or": []}                                                                 | permission[0].constraint[1]: both 'odrl:and' and 'odrl:or'
            {"leftOperand": "count", "operator": "eq", "rightOperandReference": "x"}              | permission[0].constraint[1].rightOperandReference: not supported
            """)
    void parse_rejectsBadConstraintWithItsPath(String constraint, String reason) {
        assertThat(PolicyParser.parse(withConstraint(constraint)))
                .isEqualTo(new Result.Failure<Policy>(Result.Kind.INVALID, reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"@id": "urn:p", "@type": "Offer", "permission": [{"action": "print"}]}            | permission[0].action: unknown 'print'
            {"@id": "urn:p", "@type": "Offer", "permission": [{}]}                             | permission[0].action: missing
            {"@id": "urn:p", "@type": "Offer", "permission": [{"action": ["use", "read"]}]}    | permission[0].action: exactly one action per rule, found 2
            {"@id": "urn:p", "@type": "Offer", "permission": [{"action": {"rdf:value": {"@id": "odrl:use"}, "refinement": []}}]} | permission[0].action: action refinements are not supported
            {"@id": "urn:p", "@type": "Offer", "prohibition": [{"action": "use", "constraint": [{"leftOperand": "count"}]}]} | prohibition[0].constraint[0].operator: missing
            {"@id": "urn:p", "@type": "Offer", "permission": [{"action": "use", "duty": [{"action": "pay"}]}]} | permission[0].duty[0].action: unknown 'pay'
            {"@id": "urn:p", "@type": "Ticket"}                                                | @type: unknown 'Ticket'
            {"@id": "urn:p"}                                                                   | @type: missing (expected odrl:Set, odrl:Offer or odrl:Agreement)
            {"@type": "Offer"}                                                                 | @id: missing
            {"@id": "urn:p", "@type": "Agreement", "assigner": "a", "target": "t"}             | assignee: missing (an odrl:Agreement names both parties)
            {"@id": "urn:p", "@type": "Offer", "permission": ["use"]}                          | permission[0]: a rule must be a JSON object
            ["not", "a", "policy"]                                                             | a policy must be a JSON object
            """)
    void parse_rejectsBadPolicyWithItsPath(String json, String reason) {
        assertThat(PolicyParser.parse(json)).isEqualTo(new Result.Failure<Policy>(Result.Kind.INVALID, reason));
    }

    @Test
    void parse_rejectsMalformedJson() {
        Result<Policy> result = PolicyParser.parse("{\"@id\": \"urn:p\", \"@type\": ");

        assertThat(result).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<Policy>) result).reason()).startsWith("malformed JSON: ");
    }

    @Test
    void parse_rejectsDuplicateAndAmbiguousMembers() {
        assertThat(failure(PolicyParser.parse(
                        "{\"@id\": \"urn:p\", \"@type\": \"Set\", \"prohibition\": [], \"prohibition\": []}")))
                .startsWith("malformed JSON: Duplicate Object property \"prohibition\"");
        assertThat(PolicyParser.parse(
                        "{\"@id\": \"urn:p\", \"@type\": \"Set\", \"prohibition\": [], \"odrl:prohibition\": []}"))
                .isEqualTo(Result.invalid("prohibition: given both as 'prohibition' and 'odrl:prohibition'"));
        assertThat(failure(PolicyParser.parse("{\"@id\": \"urn:p\", \"@type\": \"Set\"} {}")))
                .startsWith("malformed JSON: ");
    }

    @Test
    void parse_boundsInputSizeRulesAndNesting() {
        String huge = "{\"@id\": \"" + "x".repeat(PolicyParser.MAX_CHARS) + "\"}";
        assertThat(failure(PolicyParser.parse(huge))).startsWith("policy JSON has ");

        String rule = "{\"action\": \"use\"}";
        String many = "{\"@id\": \"urn:p\", \"@type\": \"Set\", \"permission\": ["
                + String.join(",", java.util.Collections.nCopies(PolicyParser.MAX_RULES + 1, rule)) + "]}";
        assertThat(failure(PolicyParser.parse(many))).isEqualTo("permission: more than 128 entries");

        String leaf = "{\"leftOperand\": \"purpose\", \"operator\": \"eq\", \"rightOperand\": \"a\"}";
        String nested = leaf;
        for (int i = 0; i < PolicyParser.MAX_DEPTH + 1; i++) {
            nested = "{\"and\": [" + nested + ", " + leaf + "]}";
        }
        String deep =
                "{\"@id\": \"urn:p\", \"@type\": \"Set\", \"permission\": [{\"action\": \"use\", \"constraint\": ["
                        + nested + "]}]}";
        assertThat(failure(PolicyParser.parse(deep)))
                .isEqualTo("permission[0].constraint[0]" + ".and[0]".repeat(PolicyParser.MAX_DEPTH)
                        + ": logical constraints nested deeper than 8");

        String arrays = "[".repeat(1000) + "]".repeat(1000);
        assertThat(failure(PolicyParser.parse(arrays))).startsWith("malformed JSON: ");
    }

    @Test
    void constraint_refusesIllTypedModelBuiltByHand() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Constraint(LeftOperand.COUNT, Operator.EQ, new RightOperand.TextValue("3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'3' does not fit odrl:count (integer)");
    }

    private static String failure(Result<Policy> result) {
        return ((Result.Failure<Policy>) result).reason();
    }
}
