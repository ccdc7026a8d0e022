package io.trustspace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompiledPolicyTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private final CompiledPolicy offer = Fixtures.compiled("offer-research.json");

    private static EvaluationContext.Builder request(Action action, Duration sinceStart) {
        return EvaluationContext.builder(action, START.plus(sinceStart)).agreementStart(START);
    }

    private static EvaluationContext researchInChina(Action action) {
        return request(action, Duration.ofDays(10))
                .priorUses(2)
                .purpose("research")
                .region("CN")
                .build();
    }

    @Test
    void decide_permitsWhenAllConstraintsHold_andReturnsDuties() {
        Decision decision = offer.decide(researchInChina(Action.USE));

        assertThat(decision).isInstanceOf(Decision.Permit.class);
        Decision.Permit permit = (Decision.Permit) decision;
        assertThat(permit.grantedBy()).isEqualTo("permission[0]");
        assertThat(permit.obligations()).extracting(Duty::action).containsExactly(Action.DELETE);
    }

    @Test
    void decide_deniesWithEveryFailedConstraint() {
        EvaluationContext context = request(Action.USE, Duration.ofDays(31))
                .priorUses(3)
                .purpose("marketing")
                .region("DE")
                .build();

        Decision decision = offer.decide(context);

        assertThat(decision)
                .isEqualTo(new Decision.Deny(List.of(
                        new Reason.ConstraintFailed(
                                "permission[0].constraint[0]",
                                LeftOperand.PURPOSE,
                                Operator.EQ,
                                "research",
                                "marketing"),
                        new Reason.ConstraintFailed(
                                "permission[0].constraint[1]", LeftOperand.COUNT, Operator.LTEQ, "3", "4"),
                        new Reason.ConstraintFailed(
                                "permission[0].constraint[2]", LeftOperand.ELAPSED_TIME, Operator.LTEQ, "P30D", "P31D"),
                        new Reason.ConstraintFailed(
                                "permission[0].constraint[3]",
                                LeftOperand.SPATIAL,
                                Operator.IS_ANY_OF,
                                "[CN]",
                                "DE"))));
        assertThat(((Decision.Deny) decision).reasons().get(1).message())
                .isEqualTo("permission[0].constraint[1]: odrl:count odrl:lteq 3, actual 4");
    }

    @Test
    void decide_countsThisUse_soTheThirdUseIsTheLast() {
        assertThat(offer.decide(request(Action.USE, Duration.ZERO)
                                .priorUses(2)
                                .purpose("research")
                                .region("CN")
                                .build())
                        .permitted())
                .isTrue();
        assertThat(offer.decide(request(Action.USE, Duration.ZERO)
                                .priorUses(3)
                                .purpose("research")
                                .region("CN")
                                .build())
                        .permitted())
                .isFalse();
    }

    @Test
    void decide_elapsedTimeBoundaryIsInclusiveForLteq() {
        EvaluationContext exactly30Days = request(Action.USE, Duration.ofDays(30))
                .purpose("research")
                .region("CN")
                .build();
        EvaluationContext oneSecondLater = request(
                        Action.USE, Duration.ofDays(30).plusSeconds(1))
                .purpose("research")
                .region("CN")
                .build();

        assertThat(offer.decide(exactly30Days).permitted()).isTrue();
        assertThat(offer.decide(oneSecondLater).permitted()).isFalse();
    }

    @Test
    void decide_absentFactsFail() {
        EvaluationContext context = EvaluationContext.builder(Action.USE, START).build();

        Decision.Deny deny = (Decision.Deny) offer.decide(context);

        assertThat(deny.reasons())
                .extracting(r -> ((Reason.ConstraintFailed) r).actual())
                .containsExactly("absent", "absent", "absent");
    }

    @Test
    void decide_prohibitionBeatsPermission_evenThoughUseIncludesDistribute() {
        Decision decision = offer.decide(researchInChina(Action.DISTRIBUTE));

        assertThat(decision)
                .isEqualTo(new Decision.Deny(List.of(new Reason.Prohibited("prohibition[0]", Action.DISTRIBUTE))));
        assertThat(((Decision.Deny) decision).reasons().get(0).message())
                .isEqualTo("prohibition[0]: odrl:distribute is prohibited");
    }

    @Test
    void decide_permissionOfUseIncludesNarrowerActions() {
        for (Action action : List.of(Action.READ, Action.AGGREGATE, Action.DERIVE, Action.ANONYMIZE)) {
            assertThat(offer.decide(researchInChina(action)).permitted())
                    .as(action.term())
                    .isTrue();
        }
    }

    @Test
    void decide_narrowPermissionDoesNotCoverUseOrSiblings() {
        CompiledPolicy readOnly = compile("""
                {"@id": "urn:p", "@type": "Set", "permission": [{"action": "read"}]}
                """);

        assertThat(readOnly.decide(EvaluationContext.builder(Action.READ, START).build()))
                .isEqualTo(new Decision.Permit("permission[0]", List.of()));
        assertThat(readOnly.decide(EvaluationContext.builder(Action.USE, START).build()))
                .isEqualTo(new Decision.Deny(List.of(new Reason.NoPermission(Action.USE))));
        assertThat(readOnly.decide(
                        EvaluationContext.builder(Action.DISTRIBUTE, START).build()))
                .isEqualTo(new Decision.Deny(List.of(new Reason.NoPermission(Action.DISTRIBUTE))));
    }

    @Test
    void decide_prohibitionOfUseForbidsEveryAction_onlyWhenItsConstraintsHold() {
        CompiledPolicy policy = compile("""
                {"@id": "urn:p", "@type": "Set", "permission": [{"action": "use"}],
                 "prohibition": [{"action": "use", "constraint": [
                   {"leftOperand": "region", "operator": "isAnyOf", "rightOperand": ["US", "RU"]}]}]}
                """);

        assertThat(policy.decide(EvaluationContext.builder(Action.READ, START)
                        .region("US")
                        .build()))
                .isEqualTo(new Decision.Deny(List.of(new Reason.Prohibited("prohibition[0]", Action.USE))));
        assertThat(policy.decide(EvaluationContext.builder(Action.READ, START)
                                .region("CN")
                                .build())
                        .permitted())
                .isTrue();
    }

    @Test
    void decide_firstSatisfiedPermissionGrants_andFailuresOfAllApplicableAreReported() {
        CompiledPolicy policy = compile("""
                {"@id": "urn:p", "@type": "Set", "obligation": {"action": "anonymize"}, "permission": [
                  {"action": "read", "constraint": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "audit"}]},
                  {"action": "use", "constraint": [{"leftOperand": "recipient.industry", "operator": "eq", "rightOperand": "energy"}]},
                  {"action": "distribute", "constraint": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "never"}]}]}
                """);

        Decision permit = policy.decide(
                EvaluationContext.builder(Action.READ, START).industry("energy").build());
        Decision deny = policy.decide(EvaluationContext.builder(Action.READ, START)
                .purpose("sales")
                .industry("retail")
                .build());

        assertThat(permit)
                .isEqualTo(new Decision.Permit("permission[1]", List.of(new Duty(Action.ANONYMIZE, List.of()))));
        assertThat(deny)
                .isEqualTo(new Decision.Deny(List.of(
                        new Reason.ConstraintFailed(
                                "permission[0].constraint[0]", LeftOperand.PURPOSE, Operator.EQ, "audit", "sales"),
                        new Reason.ConstraintFailed(
                                "permission[1].constraint[0]",
                                LeftOperand.RECIPIENT_INDUSTRY,
                                Operator.EQ,
                                "energy",
                                "retail"))));
    }

    @Test
    void decide_orAndXone() {
        CompiledPolicy policy = Fixtures.compiled("set-logical.json");
        EvaluationContext.Builder healthcare = EvaluationContext.builder(Action.READ, START)
                .industry("healthcare")
                .roles(Set.of("analyst"));

        assertThat(policy.decide(healthcare.space("space-a").build()).permitted())
                .isTrue();
        assertThat(policy.decide(EvaluationContext.builder(Action.READ, START)
                                .industry("retail")
                                .roles(Set.of("regulator"))
                                .verificationLevel(3)
                                .build())
                        .permitted())
                .isTrue();

        // xone: both operands hold, which is one too many
        Decision both =
                policy.decide(healthcare.space("space-a").verificationLevel(4).build());
        assertThat(both)
                .isEqualTo(new Decision.Deny(List.of(new Reason.LogicalFailed(
                        "permission[0].constraint[1]", LogicalConstraint.Kind.XONE, 2, 2, List.of()))));

        // or: neither operand holds; xone: neither holds
        Decision neither = policy.decide(EvaluationContext.builder(Action.READ, START)
                .industry("retail")
                .roles(Set.of("analyst"))
                .space("space-b")
                .verificationLevel(1)
                .build());
        assertThat(neither)
                .isEqualTo(new Decision.Deny(List.of(
                        new Reason.LogicalFailed(
                                "permission[0].constraint[0]",
                                LogicalConstraint.Kind.OR,
                                0,
                                2,
                                List.of(
                                        new Reason.ConstraintFailed(
                                                "permission[0].constraint[0].or[0]",
                                                LeftOperand.RECIPIENT_INDUSTRY,
                                                Operator.EQ,
                                                "healthcare",
                                                "retail"),
                                        new Reason.ConstraintFailed(
                                                "permission[0].constraint[0].or[1]",
                                                LeftOperand.RECIPIENT_ROLE,
                                                Operator.IS_ANY_OF,
                                                "[auditor, regulator]",
                                                "[analyst]"))),
                        new Reason.LogicalFailed(
                                "permission[0].constraint[1]",
                                LogicalConstraint.Kind.XONE,
                                0,
                                2,
                                List.of(
                                        new Reason.ConstraintFailed(
                                                "permission[0].constraint[1].xone[0]",
                                                LeftOperand.RECIPIENT_SPACE,
                                                Operator.EQ,
                                                "space-a",
                                                "space-b"),
                                        new Reason.ConstraintFailed(
                                                "permission[0].constraint[1].xone[1]",
                                                LeftOperand.RECIPIENT_VERIFICATION_LEVEL,
                                                Operator.GTEQ,
                                                "3",
                                                "1"))))));
    }

    @Test
    void decide_agreementDateWindowAndClassification() {
        CompiledPolicy agreement = Fixtures.compiled("agreement-dated.json");
        EvaluationContext.Builder consumer = EvaluationContext.builder(
                        Action.AGGREGATE, Instant.parse("2026-06-01T00:00:00Z"))
                .participant("did:web:consumer.trustspace.example")
                .classification("internal");

        assertThat(agreement.decide(consumer.build()))
                .isEqualTo(new Decision.Permit("permission[0]", List.of(new Duty(Action.ANONYMIZE, List.of()))));

        Decision late =
                agreement.decide(EvaluationContext.builder(Action.AGGREGATE, Instant.parse("2027-01-01T00:00:00Z"))
                        .participant("did:web:consumer.trustspace.example")
                        .classification("secret")
                        .build());
        assertThat(late)
                .isEqualTo(new Decision.Deny(List.of(
                        new Reason.ConstraintFailed(
                                "permission[0].constraint[1]",
                                LeftOperand.DATE_TIME,
                                Operator.LT,
                                "2027-01-01T00:00:00Z",
                                "2027-01-01T00:00:00Z"),
                        new Reason.ConstraintFailed(
                                "permission[0].constraint[2]",
                                LeftOperand.CLASSIFICATION,
                                Operator.IS_NONE_OF,
                                "[secret, confidential]",
                                "secret"))));

        // anonymize has its own unconstrained permission
        assertThat(agreement.decide(EvaluationContext.builder(Action.ANONYMIZE, Instant.EPOCH)
                        .build()))
                .isEqualTo(new Decision.Permit("permission[1]", List.of(new Duty(Action.ANONYMIZE, List.of()))));
    }

    @Test
    void decide_policyWithoutRulesDeniesEverything() {
        CompiledPolicy empty = compile("{\"@id\": \"urn:p\", \"@type\": \"Set\"}");

        assertThat(empty.decide(EvaluationContext.builder(Action.READ, START).build()))
                .isEqualTo(new Decision.Deny(List.of(new Reason.NoPermission(Action.READ))));
    }

    static CompiledPolicy compile(String json) {
        return PolicyCompiler.compile(PolicyParser.parse(json).orElseThrow());
    }
}
