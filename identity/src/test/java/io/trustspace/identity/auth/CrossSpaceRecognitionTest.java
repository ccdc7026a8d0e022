package io.trustspace.identity.auth;

import static io.trustspace.identity.auth.AccessTokenVerifierTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.identity.credential.CachingStatusLists;
import io.trustspace.identity.credential.DidSigningKey;
import io.trustspace.identity.credential.InMemoryDidKeys;
import io.trustspace.identity.credential.IssuedCredential;
import io.trustspace.identity.credential.MembershipClaim;
import io.trustspace.identity.credential.MutableClock;
import io.trustspace.identity.credential.PublishedStatusLists;
import io.trustspace.identity.credential.StatusListChecker;
import io.trustspace.identity.credential.TestOperator;
import io.trustspace.identity.trust.TrustList;
import io.trustspace.identity.trust.TrustedIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 跨空间身份互认: space B accepts members of space A, whose operator it recognises for the roles provider and
 * consumer and the claims legal name, industry and region only; space C's operator is not on B's list.
 */
class CrossSpaceRecognitionTest {

    private static final String CALLEE = "did:web:provider.b.example";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryDidKeys didKeys = new InMemoryDidKeys();
    private final TestOperator a = new TestOperator("a", SuiteId.INTL, clock, didKeys);
    private final TestOperator b = new TestOperator("b", SuiteId.INTL, clock, didKeys);
    private final TestOperator c = new TestOperator("c", SuiteId.INTL, clock, didKeys);
    private final PublishedStatusLists published =
            new PublishedStatusLists().add(a.statusLists).add(b.statusLists).add(c.statusLists);

    private final AccessTokenVerifier spaceB = new AccessTokenVerifier(
            CALLEE,
            CryptoSuites.of(SuiteId.INTL),
            didKeys,
            () -> TrustList.of(
                    TrustedIssuer.home(b.did, "space-b"),
                    TrustedIssuer.recognized(
                            a.did,
                            "space-a",
                            Set.of("provider", "consumer"),
                            EnumSet.of(MembershipClaim.LEGAL_NAME, MembershipClaim.INDUSTRY, MembershipClaim.REGION))),
            new CachingStatusLists(published, new StatusListChecker(didKeys, clock), clock, Duration.ofMinutes(1), 64),
            new ReplayCache(1_000),
            attempt -> {},
            clock);

    @Test
    void memberOfRecognisedSpaceA_isAccepted_withOnlyTheAgreedRolesAndClaims() {
        String member = "did:web:consumer.a.example";
        DidSigningKey key = a.participantKey(member);
        String credential = a.issuer
                .issue(TestOperator.claims(member, Set.of("provider", "consumer", "auditor")))
                .jwt();

        AuthOutcome outcome = spaceB.verify(tokens(key).issue(CALLEE, credential));

        VerifiedCaller caller = ((AuthOutcome.Authenticated) outcome).caller();
        assertThat(caller.did()).isEqualTo(member);
        assertThat(caller.space()).isEqualTo("space-a");
        assertThat(caller.issuer()).isEqualTo(a.did);
        assertThat(caller.roles()).containsExactly("consumer", "provider");
        assertThat(caller.claims())
                .containsOnlyKeys(MembershipClaim.LEGAL_NAME, MembershipClaim.INDUSTRY, MembershipClaim.REGION);
        assertThat(caller.legalName()).contains("福建数据有限公司");
        assertThat(caller.verificationLevel()).isEmpty();
        assertThat(caller.claim(MembershipClaim.USCC)).isEmpty();
    }

    @Test
    void memberOfSpaceB_keepsEveryRoleAndClaim() {
        String member = "did:web:consumer.b.example";
        DidSigningKey key = b.participantKey(member);
        String credential = b.issuer
                .issue(TestOperator.claims(member, Set.of("provider", "auditor")))
                .jwt();

        VerifiedCaller caller =
                ((AuthOutcome.Authenticated) spaceB.verify(tokens(key).issue(CALLEE, credential))).caller();

        assertThat(caller.space()).isEqualTo("space-b");
        assertThat(caller.roles()).containsExactly("auditor", "provider");
        assertThat(caller.claims()).hasSize(5);
    }

    @Test
    void memberOfUnrecognisedSpaceC_isRefused() {
        String member = "did:web:consumer.c.example";
        DidSigningKey key = c.participantKey(member);

        AuthOutcome outcome =
                spaceB.verify(tokens(key).issue(CALLEE, c.issue(member).jwt()));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.UNTRUSTED_ISSUER);
    }

    @Test
    void recognisedOperatorIssuingForASpaceItDoesNotRun_isRefused() {
        TestOperator aPosingAsB = new TestOperator("a", "space-b", SuiteId.INTL, clock, didKeys);
        String member = "did:web:consumer.a.example";
        DidSigningKey key = aPosingAsB.participantKey(member);

        AuthOutcome outcome =
                spaceB.verify(tokens(key).issue(CALLEE, aPosingAsB.issue(member).jwt()));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.UNTRUSTED_ISSUER);
        assertThat(((AuthOutcome.Rejected) outcome).detail()).contains("trusted for space space-a");
    }

    @Test
    void revocationBySpaceA_isHonouredBySpaceB() {
        String member = "did:web:consumer.a.example";
        DidSigningKey key = a.participantKey(member);
        IssuedCredential issued = a.issue(member);
        a.statusLists.revoke(a.statusLists.positionOf(issued.credential()).orElseThrow());

        AuthOutcome outcome = spaceB.verify(tokens(key).issue(CALLEE, issued.jwt()));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.REVOKED);
    }

    private AccessTokenIssuer tokens(DidSigningKey key) {
        return new AccessTokenIssuer(key, clock, () -> UUID.randomUUID().toString(), Duration.ofMinutes(1));
    }
}
