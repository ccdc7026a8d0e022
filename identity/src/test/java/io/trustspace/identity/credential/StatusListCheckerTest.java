package io.trustspace.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.SuiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class StatusListCheckerTest {

    private static final String URL = "https://operator.a.example/status/1/revocation";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryDidKeys didKeys = new InMemoryDidKeys();
    private final StatusListChecker checker = new StatusListChecker(didKeys, clock);

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void check_verifiesAPublishedListAndReadsItsBits(SuiteId suite) {
        TestOperator operator = new TestOperator("a", suite, clock, didKeys);
        MembershipCredential credential =
                operator.issue("did:web:provider.example").credential();
        StatusListPosition position =
                operator.statusLists.positionOf(credential).orElseThrow();
        operator.statusLists.revoke(position);

        VerifiedStatusList list = checker.check(URL, published(operator, StatusPurpose.REVOCATION))
                .orElseThrow();

        assertThat(list.issuer()).isEqualTo(operator.did);
        assertThat(list.url()).isEqualTo(URL);
        assertThat(list.purposes()).containsExactly("revocation");
        assertThat(list.list().size()).isEqualTo(BitstringStatusList.MIN_ENTRIES);
        assertThat(list.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(list.validUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(list.isSet(position.index(), StatusPurpose.REVOCATION).orElseThrow())
                .isTrue();
        assertThat(list.isSet(position.index() ^ 1, StatusPurpose.REVOCATION).orElseThrow())
                .isFalse();
        assertThat(reason(list.isSet(position.index(), StatusPurpose.SUSPENSION)))
                .contains("not for suspension");
        assertThat(reason(list.isSet(BitstringStatusList.MIN_ENTRIES, StatusPurpose.REVOCATION)))
                .contains("outside");
    }

    @Test
    void check_refusesAListSignedWithAnotherKeyUnderTheOperatorsKid() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        operator.issue("did:web:provider.example");
        DidSigningKey forger = new InMemoryDidKeys().newKey(operator.did, "key-1", operator.suite);

        Result<VerifiedStatusList> result = checker.check(URL, sign(forger, listJson(operator.did, URL)));

        assertThat(((Result.Failure<?>) result).kind()).isEqualTo(Result.Kind.UNAUTHORIZED);
    }

    @Test
    void check_refusesAListServedAtAnotherUrl() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        operator.issue("did:web:provider.example");

        String suspension = published(operator, StatusPurpose.SUSPENSION);

        assertThat(reason(checker.check(URL, suspension))).contains("the id must equal the URL");
    }

    @Test
    void check_refusesAnExpiredList() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        operator.issue("did:web:provider.example");
        String jws = published(operator, StatusPurpose.REVOCATION);

        clock.advance(Duration.ofMinutes(16));

        assertThat(reason(checker.check(URL, jws))).contains("expired");
    }

    @Test
    void check_refusesAListWhoseIssuerIsNotItsSigner() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);

        Result<VerifiedStatusList> result =
                checker.check(URL, sign(operator.key, listJson("did:web:someone.else.example", URL)));

        assertThat(reason(result)).contains("is signed by did:web:operator.a.example");
    }

    @Test
    void check_refusesASignedGzipBomb() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        ObjectNode json = listJson(operator.did, URL);
        byte[] bomb = BitstringStatusListTest.gzip(new byte[4 * 1024 * 1024]);
        ((ObjectNode) json.get("credentialSubject"))
                .put(
                        "encodedList",
                        "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bomb));

        Result<VerifiedStatusList> result = checker.check(URL, sign(operator.key, json));

        assertThat(reason(result)).contains("decompresses to more than");
    }

    @Test
    void check_refusesOtherTypesAndMultiBitLists() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        ObjectNode wrongType = listJson(operator.did, URL);
        wrongType.putArray("type").add("VerifiableCredential");
        assertThat(reason(checker.check(URL, sign(operator.key, wrongType)))).contains("BitstringStatusListCredential");

        ObjectNode multiBit = listJson(operator.did, URL);
        ((ObjectNode) multiBit.get("credentialSubject")).put("statusSize", 2);
        assertThat(reason(checker.check(URL, sign(operator.key, multiBit)))).contains("statusSize");
    }

    @Test
    void check_refusesAJwtThatIsNotTypedVcJwt() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        String jws = operator.key.sign("JWT", null, VcJson.write(listJson(operator.did, URL)));

        assertThat(reason(checker.check(URL, jws))).contains("typ vc+jwt");
    }

    @Test
    void check_passesOnTheKeyResolversFailure() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        StatusListChecker offline = new StatusListChecker((did, keyId) -> Result.unavailable("DID host down"), clock);

        Result<VerifiedStatusList> result = offline.check(URL, sign(operator.key, listJson(operator.did, URL)));

        assertThat(((Result.Failure<?>) result).kind()).isEqualTo(Result.Kind.UNAVAILABLE);
    }

    @Test
    void check_honoursAShorterTtl() {
        TestOperator operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        ObjectNode json = listJson(operator.did, URL);
        ((ObjectNode) json.get("credentialSubject")).put("ttl", 1000);

        VerifiedStatusList list = checker.check(URL, sign(operator.key, json)).orElseThrow();

        assertThat(list.ttl()).isEqualTo(Duration.ofSeconds(1));
    }

    static String published(TestOperator operator, StatusPurpose purpose) {
        return operator.statusLists.credential("1", purpose).orElseThrow();
    }

    static ObjectNode listJson(String issuer, String url) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("@context").add(VcJson.CREDENTIALS_V2);
        json.put("id", url);
        json.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        json.put("issuer", issuer);
        json.put("validFrom", "2026-03-01T07:00:00Z");
        ObjectNode subject = json.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", BitstringStatusList.empty().encode());
        return json;
    }

    static String sign(DidSigningKey key, ObjectNode json) {
        return key.sign("vc+jwt", null, VcJson.write(json));
    }

    static String reason(Result<?> result) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        return ((Result.Failure<?>) result).reason();
    }
}
