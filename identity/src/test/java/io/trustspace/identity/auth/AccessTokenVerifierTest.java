package io.trustspace.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.identity.credential.BitstringStatusList;
import io.trustspace.identity.credential.CachingStatusLists;
import io.trustspace.identity.credential.DidSigningKey;
import io.trustspace.identity.credential.InMemoryDidKeys;
import io.trustspace.identity.credential.IssuedCredential;
import io.trustspace.identity.credential.MembershipClaim;
import io.trustspace.identity.credential.MutableClock;
import io.trustspace.identity.credential.PublishedStatusLists;
import io.trustspace.identity.credential.StatusListChecker;
import io.trustspace.identity.credential.StatusListPosition;
import io.trustspace.identity.credential.StatusLists;
import io.trustspace.identity.credential.TestOperator;
import io.trustspace.identity.credential.VcJson;
import io.trustspace.identity.credential.VerifiedStatusList;
import io.trustspace.identity.trust.TrustList;
import io.trustspace.identity.trust.TrustedIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class AccessTokenVerifierTest {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final String CALLER = "did:web:consumer.example";
    static final String CALLEE = "did:web:provider.example";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryDidKeys didKeys = new InMemoryDidKeys();
    private final List<RejectedAttempt> rejections = new ArrayList<>();
    private final AtomicInteger tokenIds = new AtomicInteger();

    private SuiteId suite;
    private PublishedStatusLists published;
    private TestOperator operator;
    private DidSigningKey callerKey;
    private IssuedCredential credential;
    private AccessTokenIssuer tokens;
    private ReplayCache replayCache;
    private StatusLists statusLists;

    @BeforeEach
    void setUp() {
        setUp(SuiteId.INTL);
    }

    private void setUp(SuiteId suiteId) {
        suite = suiteId;
        operator = new TestOperator("a", suiteId, clock, didKeys);
        published = new PublishedStatusLists().add(operator.statusLists);
        callerKey = operator.participantKey(CALLER);
        credential = operator.issue(CALLER);
        tokens = new AccessTokenIssuer(
                callerKey, clock, () -> "token-" + tokenIds.incrementAndGet(), Duration.ofMinutes(2));
        replayCache = new ReplayCache(1_000);
        statusLists =
                new CachingStatusLists(published, new StatusListChecker(didKeys, clock), clock, Duration.ZERO, 16);
    }

    private AccessTokenVerifier verifier() {
        return verifier(didKeys);
    }

    private AccessTokenVerifier verifier(io.trustspace.identity.credential.DidKeys keys) {
        return new AccessTokenVerifier(
                CALLEE,
                CryptoSuites.of(suite),
                keys,
                () -> TrustList.of(TrustedIssuer.home(operator.did, operator.space)),
                statusLists,
                replayCache,
                rejections::add,
                clock);
    }

    /** A verifier over the same DID documents that notes every DID it resolves in {@code resolved}. */
    private AccessTokenVerifier recordingVerifier(List<String> resolved) {
        return verifier((did, kid) -> {
            resolved.add(did);
            return didKeys.resolve(did, kid);
        });
    }

    private AuthOutcome verify(String token) {
        return verifier().verify(token);
    }

    // ---------------------------------------------------------------- accepted

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void verify_acceptsAFreshTokenWithAValidCredential_inBothSuites(SuiteId suiteId) {
        setUp(suiteId);

        AuthOutcome outcome = verify(tokens.issue(CALLEE, credential.jwt()));

        assertThat(outcome).isInstanceOf(AuthOutcome.Authenticated.class);
        VerifiedCaller caller = ((AuthOutcome.Authenticated) outcome).caller();
        assertThat(caller.did()).isEqualTo(CALLER);
        assertThat(caller.issuer()).isEqualTo(operator.did);
        assertThat(caller.space()).isEqualTo("space-a");
        assertThat(caller.roles()).containsExactly("consumer", "provider");
        assertThat(caller.claims())
                .containsOnlyKeys(
                        MembershipClaim.LEGAL_NAME,
                        MembershipClaim.USCC,
                        MembershipClaim.VERIFICATION_LEVEL,
                        MembershipClaim.INDUSTRY,
                        MembershipClaim.REGION);
        assertThat(caller.verificationLevel()).contains("SUBSTANTIAL");
        assertThat(caller.region()).contains("350100");
        assertThat(caller.credentialId()).isEqualTo(credential.credential().id());
        assertThat(caller.credentialValidUntil())
                .isEqualTo(credential.credential().validUntil());
        assertThat(outcome.toResult().orElseThrow()).isEqualTo(caller);
        assertThat(rejections).isEmpty();
    }

    @Test
    void verify_acceptsTokensAtTheEdgesOfTheAllowedSkewAndLifetime() {
        ObjectNode fiveMinutes = claims();
        fiveMinutes.put("exp", fiveMinutes.get("iat").longValue() + 300);
        assertThat(verify(sign(fiveMinutes))).isInstanceOf(AuthOutcome.Authenticated.class);

        ObjectNode slightlyAhead = claims();
        slightlyAhead.put("iat", T0.getEpochSecond() + 60).put("nbf", T0.getEpochSecond() + 60);
        slightlyAhead.put("exp", T0.getEpochSecond() + 180);
        assertThat(verify(sign(slightlyAhead))).isInstanceOf(AuthOutcome.Authenticated.class);

        String justExpired = tokens.issue(CALLEE, credential.jwt());
        clock.advance(Duration.ofMinutes(2).plusSeconds(60));
        assertThat(verify(justExpired)).isInstanceOf(AuthOutcome.Authenticated.class);
    }

    @Test
    void verify_acceptsASingleAudienceInAnArray() {
        ObjectNode claims = claims();
        claims.putArray("aud").add(CALLEE);

        assertThat(verify(sign(claims))).isInstanceOf(AuthOutcome.Authenticated.class);
    }

    // ---------------------------------------------------------------- MALFORMED

    static Stream<Arguments> malformedClaims() {
        return Stream.of(
                Arguments.of("iss missing", (Consumer<ObjectNode>) c -> c.remove("iss")),
                Arguments.of("iss not a DID", (Consumer<ObjectNode>) c -> c.put("iss", "consumer.example")),
                Arguments.of("sub differs from iss", (Consumer<ObjectNode>) c -> c.put("sub", "did:web:other.example")),
                Arguments.of("jti missing", (Consumer<ObjectNode>) c -> c.remove("jti")),
                Arguments.of("jti too long", (Consumer<ObjectNode>) c -> c.put("jti", "x".repeat(257))),
                Arguments.of("jti with spaces", (Consumer<ObjectNode>) c -> c.put("jti", "a b")),
                Arguments.of("aud missing", (Consumer<ObjectNode>) c -> c.remove("aud")),
                Arguments.of("aud a number", (Consumer<ObjectNode>) c -> c.put("aud", 7)),
                Arguments.of("iat a string", (Consumer<ObjectNode>) c -> c.put("iat", "1772352000")),
                Arguments.of("iat fractional", (Consumer<ObjectNode>) c -> c.put("iat", 1772352000.5)),
                Arguments.of("exp missing", (Consumer<ObjectNode>) c -> c.remove("exp")),
                Arguments.of("exp negative", (Consumer<ObjectNode>) c -> c.put("exp", -1)),
                Arguments.of("exp not after iat", (Consumer<ObjectNode>)
                        c -> c.put("exp", c.get("iat").longValue())),
                Arguments.of("nbf a string", (Consumer<ObjectNode>) c -> c.put("nbf", "now")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedClaims")
    void verify_refusesMalformedClaims_beforeLookingUpAnyKey(String name, Consumer<ObjectNode> mutation) {
        ObjectNode claims = claims();
        mutation.accept(claims);

        AuthOutcome outcome = verify(sign(claims));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.MALFORMED);
        assertThat(didKeys.lookups()).isZero();
    }

    @Test
    void verify_refusesTokensThatAreNotCompactJws() {
        for (String token : List.of("", "abc", "a.b", "a.b.c.d", "e30.e30.", "!!!.e30.AAAA", "e30.e30.A")) {
            assertThat(failureOf(verify(token))).as(token).isEqualTo(AuthFailure.MALFORMED);
        }
        assertThat(failureOf(verify(null))).isEqualTo(AuthFailure.MALFORMED);
        assertThat(rejections.get(rejections.size() - 1).claimedIssuer()).isNull();
    }

    @Test
    void verify_refusesATokenLongerThan16KiB_withoutParsingIt() {
        ObjectNode claims = claims();
        claims.put("padding", "x".repeat(AccessTokenVerifier.MAX_TOKEN_LENGTH));
        String token = sign(claims);

        AuthOutcome outcome = verify(token);

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.MALFORMED);
        assertThat(((AuthOutcome.Rejected) outcome).detail()).contains("at most 16384");
        assertThat(didKeys.lookups()).isZero();
        assertThat(rejections.get(0).claimedIssuer()).isNull();
    }

    @Test
    void verify_refusesOtherJwtTypes_suchAsTheCredentialItself() {
        assertThat(failureOf(verify(credential.jwt()))).isEqualTo(AuthFailure.MALFORMED);
        assertThat(failureOf(verify(callerKey.sign("JWT", null, VcJson.write(claims())))))
                .isEqualTo(AuthFailure.MALFORMED);
    }

    @Test
    void verify_refusesAKidThatIsNotAKeyOfTheIssuer() {
        DidSigningKey mallory = didKeys.newKey("did:web:mallory.example", "key-1", operator.suite);

        AuthOutcome outcome = verify(mallory.sign(AccessTokenIssuer.TOKEN_TYPE, null, VcJson.write(claims())));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.MALFORMED);
        assertThat(((AuthOutcome.Rejected) outcome).detail()).contains("is not a key of its issuer");
    }

    @Test
    void verify_refusesDuplicateMemberNames_soNoTwoParsersReadDifferentClaims() {
        String payload = new String(VcJson.write(claims()), StandardCharsets.UTF_8);
        String duplicated = payload.replaceFirst("\\{", "{\"aud\":\"did:web:elsewhere.example\",");

        AuthOutcome outcome =
                verify(callerKey.sign(AccessTokenIssuer.TOKEN_TYPE, null, duplicated.getBytes(StandardCharsets.UTF_8)));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.MALFORMED);
        assertThat(((AuthOutcome.Rejected) outcome).detail()).contains("token payload is not valid JSON");
    }

    // ---------------------------------------------------------------- signature

    @Test
    void verify_refusesAKeyTheCallersDidDoesNotList() {
        DidSigningKey unlisted = new InMemoryDidKeys().newKey(CALLER, "key-2", operator.suite);

        AuthOutcome outcome = verify(unlisted.sign(AccessTokenIssuer.TOKEN_TYPE, null, VcJson.write(claims())));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.UNKNOWN_KEY);
    }

    @Test
    void aCallerWhoseDidDocumentCannotBeFetched_isRefusedAsTransient_notAsUnknown() {
        AuthOutcome outcome = verifier((did, kid) -> Result.unavailable("cannot fetch the DID document of " + did))
                .verify(tokens.issue(CALLEE, credential.jwt()));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.KEY_UNAVAILABLE);
        assertThat(failureOf(outcome).isTransient()).isTrue();
        assertThat(AuthFailure.UNKNOWN_KEY.isTransient()).isFalse();
        assertThat(AuthFailure.BAD_SIGNATURE.isTransient()).isFalse();
    }

    @Test
    void verify_refusesAForgedSignature() {
        DidSigningKey forger = new InMemoryDidKeys().newKey(CALLER, "key-1", operator.suite);

        AuthOutcome outcome = verify(forger.sign(AccessTokenIssuer.TOKEN_TYPE, null, VcJson.write(claims())));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.BAD_SIGNATURE);
        assertThat(rejections.get(0).signatureVerified()).isFalse();
        assertThat(rejections.get(0).claimedIssuer()).isEqualTo(CALLER);
    }

    @Test
    void verify_refusesATamperedPayload() {
        String[] parts = tokens.issue(CALLEE, credential.jwt()).split("\\.");
        ObjectNode claims = payloadOf(String.join(".", parts));
        claims.put("exp", claims.get("exp").longValue() + 60);
        String tampered = parts[0] + "." + base64url(VcJson.write(claims)) + "." + parts[2];

        assertThat(failureOf(verify(tampered))).isEqualTo(AuthFailure.BAD_SIGNATURE);
    }

    // ---------------------------------------------------------------- time, audience, replay

    @Test
    void verify_refusesALifetimeOverFiveMinutes() {
        ObjectNode claims = claims();
        claims.put("exp", claims.get("iat").longValue() + 301);

        assertThat(failureOf(verify(sign(claims)))).isEqualTo(AuthFailure.LIFETIME_TOO_LONG);
    }

    @Test
    void verify_refusesAnExpiredToken() {
        String token = tokens.issue(CALLEE, credential.jwt());
        clock.advance(Duration.ofMinutes(2).plusSeconds(61));

        assertThat(failureOf(verify(token))).isEqualTo(AuthFailure.EXPIRED);
        assertThat(rejections.get(0).signatureVerified()).isTrue();
    }

    @Test
    void verify_refusesATokenIssuedOrStartingInTheFuture() {
        ObjectNode future = claims();
        future.put("iat", T0.getEpochSecond() + 61).put("nbf", T0.getEpochSecond() + 61);
        future.put("exp", T0.getEpochSecond() + 181);
        assertThat(failureOf(verify(sign(future)))).isEqualTo(AuthFailure.NOT_YET_VALID);

        ObjectNode notBefore = claims();
        notBefore.put("nbf", T0.getEpochSecond() + 100);
        assertThat(failureOf(verify(sign(notBefore)))).isEqualTo(AuthFailure.NOT_YET_VALID);
    }

    @Test
    void verify_refusesATokenForAnotherCalleeOrForSeveral() {
        ObjectNode other = claims();
        other.put("aud", "did:web:elsewhere.example");
        assertThat(failureOf(verify(sign(other)))).isEqualTo(AuthFailure.WRONG_AUDIENCE);

        ObjectNode several = claims();
        several.putArray("aud").add(CALLEE).add("did:web:elsewhere.example");
        assertThat(failureOf(verify(sign(several)))).isEqualTo(AuthFailure.WRONG_AUDIENCE);
    }

    @Test
    void verify_refusesAReplayedToken_forItsWholeLifetime() {
        String token = tokens.issue(CALLEE, credential.jwt());
        assertThat(verify(token)).isInstanceOf(AuthOutcome.Authenticated.class);

        assertThat(failureOf(verify(token))).isEqualTo(AuthFailure.REPLAYED);
        clock.advance(Duration.ofMinutes(3));
        assertThat(failureOf(verify(token))).isEqualTo(AuthFailure.REPLAYED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(failureOf(verify(token))).isEqualTo(AuthFailure.EXPIRED);
    }

    @Test
    void verify_refusesANewTokenWhenTheReplayCacheIsFullOfLiveTokens() {
        replayCache = new ReplayCache(1);
        assertThat(verify(tokens.issue(CALLEE, credential.jwt()))).isInstanceOf(AuthOutcome.Authenticated.class);

        assertThat(failureOf(verify(tokens.issue(CALLEE, credential.jwt())))).isEqualTo(AuthFailure.REPLAY_CACHE_FULL);

        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(verify(tokens.issue(CALLEE, credential.jwt()))).isInstanceOf(AuthOutcome.Authenticated.class);
    }

    @Test
    void verify_checksTimeBeforeAudienceAndAudienceBeforeReplay() {
        ObjectNode claims = claims();
        claims.put("aud", "did:web:elsewhere.example");
        String token = sign(claims);
        clock.advance(Duration.ofMinutes(4));

        assertThat(failureOf(verify(token))).isEqualTo(AuthFailure.EXPIRED);
        assertThat(replayCache.size()).isZero();
    }

    // ---------------------------------------------------------------- presentation and credential
    @Test
    void verify_checksTheSignatureBeforeTime_soAForgedTokenIsReportedAsForged() {
        DidSigningKey forger = new InMemoryDidKeys().newKey(CALLER, "key-1", operator.suite);
        ObjectNode claims = claims();
        claims.put("exp", claims.get("iat").longValue() + 3_600);
        clock.advance(Duration.ofHours(2));

        AuthOutcome outcome = verify(forger.sign(AccessTokenIssuer.TOKEN_TYPE, null, VcJson.write(claims)));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void verify_checksTrustBeforeSubjectAndStatus_withoutFetchingAnUntrustedIssuersList() {
        TestOperator c = new TestOperator("c", SuiteId.INTL, clock, didKeys);
        published.add(c.statusLists);
        int fetchesBefore = published.fetches();

        AuthOutcome outcome = verify(
                sign(withCredential(claims(), c.issue("did:web:other.example").jwt())));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.UNTRUSTED_ISSUER);
        assertThat(published.fetches()).isEqualTo(fetchesBefore);
    }

    @Test
    void verify_refusesATokenWithoutAPresentedCredential() {
        ObjectNode noVp = claims();
        noVp.remove("vp");
        assertThat(failureOf(verify(sign(noVp)))).isEqualTo(AuthFailure.NO_CREDENTIAL);

        ObjectNode empty = claims();
        ((ObjectNode) empty.get("vp")).putArray("verifiableCredential");
        assertThat(failureOf(verify(sign(empty)))).isEqualTo(AuthFailure.NO_CREDENTIAL);

        ObjectNode two = claims();
        ArrayNode credentials = (ArrayNode) two.get("vp").get("verifiableCredential");
        JsonNode copy = credentials.get(0).deepCopy();
        credentials.add(copy);
        assertThat(failureOf(verify(sign(two)))).isEqualTo(AuthFailure.NO_CREDENTIAL);

        ObjectNode embedded = claims();
        ((ObjectNode) embedded.get("vp"))
                .putArray("verifiableCredential")
                .add(credential.credential().toJson());
        assertThat(failureOf(verify(sign(embedded)))).isEqualTo(AuthFailure.NO_CREDENTIAL);
    }

    @Test
    void verify_refusesAForgedCredential() {
        DidSigningKey forger = new InMemoryDidKeys().newKey(operator.did, "key-1", operator.suite);
        String forged =
                forger.sign("vc+jwt", "vc", VcJson.write(credential.credential().toJson()));

        AuthOutcome outcome = verify(sign(withCredential(claims(), forged)));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.CREDENTIAL_INVALID);
        assertThat(((AuthOutcome.Rejected) outcome).detail()).contains("signature does not verify");
    }

    @Test
    void verify_refusesAMalformedOrMistypedCredential() {
        assertThat(failureOf(verify(sign(withCredential(claims(), "not-a-jwt")))))
                .isEqualTo(AuthFailure.CREDENTIAL_INVALID);
        String untyped = operator.key.sign(
                "JWT", null, VcJson.write(credential.credential().toJson()));
        assertThat(failureOf(verify(sign(withCredential(claims(), untyped)))))
                .isEqualTo(AuthFailure.CREDENTIAL_INVALID);
        ObjectNode notMembership = credential.credential().toJson();
        notMembership.putArray("type").add("VerifiableCredential");
        String other = operator.key.sign("vc+jwt", "vc", VcJson.write(notMembership));
        assertThat(failureOf(verify(sign(withCredential(claims(), other))))).isEqualTo(AuthFailure.CREDENTIAL_INVALID);
    }

    @Test
    void verify_refusesACredentialNamingAnIssuerOtherThanItsSigner_beforeFetchingTheSignersKey() {
        TestOperator b = new TestOperator("b", SuiteId.INTL, clock, didKeys);
        String claimsToBeA =
                b.key.sign("vc+jwt", "vc", VcJson.write(credential.credential().toJson()));
        List<String> resolved = new ArrayList<>();

        AuthOutcome outcome = recordingVerifier(resolved).verify(sign(withCredential(claims(), claimsToBeA)));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.UNTRUSTED_ISSUER);
        assertThat(((AuthOutcome.Rejected) outcome).detail()).contains("did:web:operator.b.example");
        assertThat(resolved).isEmpty();
    }

    /**
     * Nothing a token names is fetched before a trusted issuer vouched for it: otherwise anyone could make the
     * connector fetch any did:web document (an internal host, a port) and read the answer from the refusal.
     */
    @Test
    void aTokenNoTrustedIssuerVouchedFor_makesTheConnectorFetchNothingItNames() {
        List<String> resolved = new ArrayList<>();
        AccessTokenVerifier verifier = recordingVerifier(resolved);
        String internal = "did:web:10.0.0.5%3A8080";
        DidSigningKey prober = new InMemoryDidKeys().newKey(internal, "key-1", operator.suite);

        ObjectNode bare = claims().put("iss", internal).put("sub", internal);
        bare.remove("vp");
        AuthOutcome noCredential = verifier.verify(prober.sign(AccessTokenIssuer.TOKEN_TYPE, null, VcJson.write(bare)));
        ObjectNode borrowed = claims().put("iss", internal).put("sub", internal);
        AuthOutcome someoneElsesCredential =
                verifier.verify(prober.sign(AccessTokenIssuer.TOKEN_TYPE, null, VcJson.write(borrowed)));

        assertThat(failureOf(noCredential)).isEqualTo(AuthFailure.NO_CREDENTIAL);
        assertThat(failureOf(someoneElsesCredential)).isIn(AuthFailure.SUBJECT_MISMATCH);
        assertThat(resolved).doesNotContain(internal).allMatch(did -> did.equals(operator.did));
    }

    @Test
    void verify_refusesACredentialFromAnIssuerNotOnTheTrustList() {
        TestOperator c = new TestOperator("c", SuiteId.INTL, clock, didKeys);
        published.add(c.statusLists);

        AuthOutcome outcome =
                verify(sign(withCredential(claims(), c.issue(CALLER).jwt())));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.UNTRUSTED_ISSUER);
    }

    @Test
    void verify_refusesSomeoneElsesCredential() {
        IssuedCredential other = operator.issue("did:web:other.example");

        AuthOutcome outcome = verify(sign(withCredential(claims(), other.jwt())));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.SUBJECT_MISMATCH);
    }

    @Test
    void verify_refusesAPresentationHeldBySomeoneElse() {
        ObjectNode claims = claims();
        ((ObjectNode) claims.get("vp")).put("holder", "did:web:other.example");

        assertThat(failureOf(verify(sign(claims)))).isEqualTo(AuthFailure.SUBJECT_MISMATCH);
    }

    @Test
    void verify_refusesAnExpiredCredential() {
        clock.set(credential.credential().validUntil().plusSeconds(61));

        AuthOutcome outcome = verify(tokens.issue(CALLEE, credential.jwt()));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.CREDENTIAL_EXPIRED);
    }

    @Test
    void verify_refusesARevokedCredential() {
        operator.statusLists.revoke(position());

        AuthOutcome outcome = verify(tokens.issue(CALLEE, credential.jwt()));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.REVOKED);
        assertThat(outcome.toResult()).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure<?>) outcome.toResult()).kind()).isEqualTo(Result.Kind.UNAUTHORIZED);
        assertThat(((Result.Failure<?>) outcome.toResult()).reason()).startsWith("REVOKED: ");
    }

    @Test
    void verify_refusesASuspendedCredential_untilItIsReinstated() {
        operator.statusLists.suspend(position());
        assertThat(failureOf(verify(tokens.issue(CALLEE, credential.jwt())))).isEqualTo(AuthFailure.SUSPENDED);

        operator.statusLists.reinstate(position()).orElseThrow();
        assertThat(verify(tokens.issue(CALLEE, credential.jwt()))).isInstanceOf(AuthOutcome.Authenticated.class);
    }

    @Test
    void verify_failsClosedWhenTheStatusListIsUnreachable() {
        published.setReachable(false);

        AuthOutcome outcome = verify(tokens.issue(CALLEE, credential.jwt()));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.STATUS_UNAVAILABLE);
    }

    @Test
    void verify_failsClosedOnAStatusListFromAnotherIssuer() {
        statusLists = url -> Result.ok(new VerifiedStatusList(
                url,
                "did:web:someone.else.example",
                Set.of("revocation", "suspension"),
                BitstringStatusList.empty(),
                T0,
                null,
                Duration.ofMinutes(5)));

        AuthOutcome outcome = verify(tokens.issue(CALLEE, credential.jwt()));

        assertThat(failureOf(outcome)).isEqualTo(AuthFailure.STATUS_UNAVAILABLE);
        assertThat(((AuthOutcome.Rejected) outcome).detail()).contains("not by the credential's issuer");
    }

    // ---------------------------------------------------------------- evidence

    @Test
    void verify_recordsEveryRefusal_withReasonIdsAndDigestButNotTheToken() {
        String token = tokens.issue(CALLEE, credential.jwt());
        verify(token);
        verify(token);

        assertThat(rejections).hasSize(1);
        RejectedAttempt attempt = rejections.get(0);
        assertThat(attempt.failure()).isEqualTo(AuthFailure.REPLAYED);
        assertThat(attempt.audience()).isEqualTo(CALLEE);
        assertThat(attempt.claimedIssuer()).isEqualTo(CALLER);
        assertThat(attempt.tokenId()).isEqualTo("token-1");
        assertThat(attempt.signatureVerified()).isTrue();
        assertThat(attempt.time()).isEqualTo(T0);
        assertThat(attempt.tokenDigest()).matches("sha-256:[0-9a-f]{64}");
        assertThat(attempt.toString()).doesNotContain(token);
        assertThat(new String(attempt.canonicalJson(), StandardCharsets.UTF_8))
                .startsWith("{\"audience\":\"did:web:provider.example\",\"claimedIssuer\":\"did:web:consumer.example\"")
                .contains("\"failure\":\"REPLAYED\"")
                .contains("\"time\":\"2026-03-01T08:00:00Z\"")
                .doesNotContain(token);
    }

    @Test
    void verify_digestsRefusedTokensWithSm3InTheGmSuite() {
        setUp(SuiteId.GM);

        verify("garbage");

        assertThat(rejections.get(0).tokenDigest()).matches("sm3:[0-9a-f]{64}");
    }

    // ---------------------------------------------------------------- crafting

    private StatusListPosition position() {
        return operator.statusLists.positionOf(credential.credential()).orElseThrow();
    }

    /** The claims of a fresh token from {@link AccessTokenIssuer}, to change one thing and sign again. */
    private ObjectNode claims() {
        return payloadOf(tokens.issue(CALLEE, credential.jwt()));
    }

    private String sign(ObjectNode claims) {
        return callerKey.sign(AccessTokenIssuer.TOKEN_TYPE, null, VcJson.write(claims));
    }

    static ObjectNode withCredential(ObjectNode claims, String credentialJwt) {
        ((ObjectNode) claims.get("vp").get("verifiableCredential").get(0))
                .put("id", "data:application/vc+jwt," + credentialJwt);
        return claims;
    }

    static ObjectNode payloadOf(String jws) {
        return VcJson.parseObject(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), "payload")
                .orElseThrow();
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static AuthFailure failureOf(AuthOutcome outcome) {
        assertThat(outcome).isInstanceOf(AuthOutcome.Rejected.class);
        return ((AuthOutcome.Rejected) outcome).failure();
    }
}
