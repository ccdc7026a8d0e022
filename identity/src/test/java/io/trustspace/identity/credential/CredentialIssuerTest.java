package io.trustspace.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.jose.VerifiedJws;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class CredentialIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00.250Z");
    private static final String PARTICIPANT = "did:web:provider.example";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryDidKeys didKeys = new InMemoryDidKeys();

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void issue_signsTheVcJsonAsVcJwt_withTheSuiteAlgorithmAndTheOperatorKid(SuiteId suite) {
        TestOperator operator = new TestOperator("a", suite, clock, didKeys);

        IssuedCredential issued = operator.issue(PARTICIPANT);

        PublicKey key = didKeys.resolve(operator.did, "key-1").orElseThrow();
        VerifiedJws jws = Jws.verify(issued.jwt(), key).orElseThrow();
        assertThat(jws.algorithm().jwsName()).isEqualTo(suite == SuiteId.INTL ? "EdDSA" : "SM2SM3");
        assertThat(jws.header()).containsEntry("typ", "vc+jwt").containsEntry("cty", "vc");
        assertThat(jws.kid()).isEqualTo("did:web:operator.a.example#key-1");
        JsonNode payload = VcJson.parseObject(jws.payload(), "payload").orElseThrow();
        assertThat(payload).isEqualTo(issued.credential().toJson());
        assertThat(MembershipCredential.fromJson(payload).orElseThrow()).isEqualTo(issued.credential());
    }

    @Test
    void issue_validFromNowForTheValidity_withRevocationAndSuspensionAtOneFreshIndex() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);

        MembershipCredential first = operator.issue(PARTICIPANT).credential();
        MembershipCredential second = operator.issue("did:web:consumer.example").credential();

        assertThat(first.validFrom()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(first.validUntil()).isEqualTo(first.validFrom().plus(TestOperator.VALIDITY));
        assertThat(first.issuer()).isEqualTo(operator.did);
        assertThat(first.space()).isEqualTo("space-a");
        StatusEntry revocation = first.status(StatusPurpose.REVOCATION).orElseThrow();
        StatusEntry suspension = first.status(StatusPurpose.SUSPENSION).orElseThrow();
        assertThat(revocation.index()).isEqualTo(suspension.index());
        assertThat(revocation.statusListCredential()).isEqualTo("https://operator.a.example/status/1/revocation");
        assertThat(suspension.statusListCredential()).isEqualTo("https://operator.a.example/status/1/suspension");
        assertThat(second.status(StatusPurpose.REVOCATION).orElseThrow().index())
                .isNotEqualTo(revocation.index());
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void renew_insideTheWindow_issuesANewCredentialWithTheSameClaimsAndStatusIndex() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        MembershipCredential current = operator.issue(PARTICIPANT).credential();
        clock.set(current.validUntil().minus(Duration.ofDays(10)));

        IssuedCredential renewed = operator.issuer.renew(current).orElseThrow();

        assertThat(renewed.credential().id()).isNotEqualTo(current.id());
        assertThat(renewed.credential().claims()).isEqualTo(current.claims());
        assertThat(renewed.credential().status()).isEqualTo(current.status());
        assertThat(renewed.credential().validFrom()).isEqualTo(clock.instant());
        assertThat(renewed.credential().validUntil()).isAfter(current.validUntil());
    }

    @Test
    void renew_beforeTheWindowOpens_isAConflict() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        MembershipCredential current = operator.issue(PARTICIPANT).credential();
        clock.set(operator.issuer.renewalOpensAt(current).minusSeconds(1));

        Result<IssuedCredential> result = operator.issuer.renew(current);

        assertThat(result).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<?>) result).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(((Result.Failure<?>) result).reason()).contains("can be renewed from");
    }

    @Test
    void renew_afterExpiry_isAConflict() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        MembershipCredential current = operator.issue(PARTICIPANT).credential();
        clock.set(current.validUntil());

        assertThat(reason(operator.issuer.renew(current))).contains("expired");
    }

    @Test
    void renew_ofARevokedOrSuspendedCredential_isRefused() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        MembershipCredential suspended = operator.issue(PARTICIPANT).credential();
        MembershipCredential revoked =
                operator.issue("did:web:consumer.example").credential();
        operator.statusLists.suspend(operator.statusLists.positionOf(suspended).orElseThrow());
        operator.statusLists.revoke(operator.statusLists.positionOf(revoked).orElseThrow());
        clock.set(suspended.validUntil().minus(Duration.ofDays(1)));

        assertThat(reason(operator.issuer.renew(suspended))).contains("suspended");
        assertThat(reason(operator.issuer.renew(revoked))).contains("revoked");

        operator.statusLists
                .reinstate(operator.statusLists.positionOf(suspended).orElseThrow())
                .orElseThrow();
        assertThat(operator.issuer.renew(suspended).isOk()).isTrue();
    }

    @Test
    void renew_ofAnotherOperatorsCredential_isInvalid() {
        TestOperator a = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        TestOperator b = new TestOperator("b", SuiteId.INTL, clock, didKeys);
        MembershipCredential fromB = b.issue(PARTICIPANT).credential();
        clock.set(fromB.validUntil().minus(Duration.ofDays(1)));

        Result<IssuedCredential> result = a.issuer.renew(fromB);

        assertThat(((Result.Failure<?>) result).kind()).isEqualTo(Result.Kind.INVALID);
    }

    @Test
    void revocation_isFinal_suspensionIsReversible() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        StatusListPosition position = operator.statusLists
                .positionOf(operator.issue(PARTICIPANT).credential())
                .orElseThrow();

        operator.statusLists.suspend(position);
        assertThat(operator.statusLists.isSet(position, StatusPurpose.SUSPENSION))
                .isTrue();
        operator.statusLists.reinstate(position).orElseThrow();
        assertThat(operator.statusLists.isSet(position, StatusPurpose.SUSPENSION))
                .isFalse();

        operator.statusLists.revoke(position);
        assertThat(reason(operator.statusLists.reinstate(position))).contains("revocation is final");
        assertThat(operator.statusLists.isSet(position, StatusPurpose.REVOCATION))
                .isTrue();
    }

    static String reason(Result<?> result) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        return ((Result.Failure<?>) result).reason();
    }
}
