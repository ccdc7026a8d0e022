package io.trustspace.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class MembershipCredentialTest {

    private static final String LIST = "https://operator.example/status/1/";

    static MembershipCredential credential() {
        return new MembershipCredential(
                "urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5",
                "did:web:operator.example",
                "fujian-health",
                TestOperator.claims("did:web:provider.example"),
                Instant.parse("2025-03-01T08:00:00Z"),
                Instant.parse("2026-03-01T08:00:00Z"),
                List.of(
                        new StatusEntry(StatusPurpose.REVOCATION, 94567, LIST + "revocation"),
                        new StatusEntry(StatusPurpose.SUSPENSION, 94567, LIST + "suspension")));
    }

    @Test
    void toJson_isAVc20CredentialWithBitstringStatusListEntries() {
        ObjectNode json = credential().toJson();

        assertThat(json.get("@context").toString())
                .isEqualTo("[\"https://www.w3.org/ns/credentials/v2\",\"https://trustspace.io/ns/credentials/v1\"]");
        assertThat(json.get("type").toString())
                .isEqualTo("[\"VerifiableCredential\",\"TrustSpaceMembershipCredential\"]");
        assertThat(json.get("issuer").stringValue()).isEqualTo("did:web:operator.example");
        assertThat(json.get("validFrom").stringValue()).isEqualTo("2025-03-01T08:00:00Z");
        assertThat(json.get("validUntil").stringValue()).isEqualTo("2026-03-01T08:00:00Z");
        ObjectNode subject = (ObjectNode) json.get("credentialSubject");
        assertThat(subject.get("id").stringValue()).isEqualTo("did:web:provider.example");
        assertThat(subject.get("uscc").stringValue()).isEqualTo("91350100M000100Y43");
        assertThat(subject.has("maskedId")).isFalse();
        assertThat(subject.get("roles").toString()).isEqualTo("[\"consumer\",\"provider\"]");
        assertThat(subject.get("space").stringValue()).isEqualTo("fujian-health");
        ObjectNode revocation = (ObjectNode) json.get("credentialStatus").get(0);
        assertThat(revocation.get("type").stringValue()).isEqualTo("BitstringStatusListEntry");
        assertThat(revocation.get("statusPurpose").stringValue()).isEqualTo("revocation");
        assertThat(revocation.get("statusListIndex").isString()).isTrue();
        assertThat(revocation.get("statusListIndex").stringValue()).isEqualTo("94567");
        assertThat(revocation.get("statusListCredential").stringValue()).isEqualTo(LIST + "revocation");
        assertThat(revocation.get("id").stringValue()).isEqualTo(LIST + "revocation#94567");
        assertThat(json.get("credentialStatus").get(1).get("statusPurpose").stringValue())
                .isEqualTo("suspension");
    }

    @Test
    void fromJson_readsBackWhatToJsonWrote() {
        MembershipCredential credential = credential();

        assertThat(MembershipCredential.fromJson(credential.toJson()).orElseThrow())
                .isEqualTo(credential);
    }

    @Test
    void fromJson_acceptsASingleStatusObjectAndAnIssuerObject() {
        ObjectNode json = credential().toJson();
        json.set("credentialStatus", json.get("credentialStatus").get(0));
        json.putObject("issuer").put("id", "did:web:operator.example").put("name", "Operator");

        MembershipCredential read = MembershipCredential.fromJson(json).orElseThrow();

        assertThat(read.issuer()).isEqualTo("did:web:operator.example");
        assertThat(read.status(StatusPurpose.SUSPENSION)).isEmpty();
    }

    @Test
    void fromJson_refusesACredentialWithoutRevocationStatus() {
        ObjectNode json = credential().toJson();
        ((ArrayNode) json.get("credentialStatus")).remove(0);

        assertThat(reason(MembershipCredential.fromJson(json))).contains("no revocation entry");
        json.remove("credentialStatus");
        assertThat(reason(MembershipCredential.fromJson(json))).contains("credentialStatus is missing");
    }

    @Test
    void fromJson_refusesOtherCredentialTypesAndContexts() {
        ObjectNode json = credential().toJson();
        json.putArray("type").add("VerifiableCredential");
        assertThat(reason(MembershipCredential.fromJson(json))).contains("TrustSpaceMembershipCredential");

        ObjectNode noContext = credential().toJson();
        noContext.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
        assertThat(reason(MembershipCredential.fromJson(noContext))).contains("@context");
    }

    @Test
    void fromJson_refusesBothOrNeitherLegalIdentifier() {
        ObjectNode json = credential().toJson();
        ((ObjectNode) json.get("credentialSubject")).put("maskedId", "3501**********123X");
        assertThat(reason(MembershipCredential.fromJson(json))).contains("exactly one of uscc and maskedId");
    }

    @Test
    void fromJson_refusesAUsccWithAWrongCheckCharacter() {
        ObjectNode json = credential().toJson();
        ((ObjectNode) json.get("credentialSubject")).put("uscc", "91350100M000100Y44");
        assertThat(reason(MembershipCredential.fromJson(json))).contains("check character");
    }

    @Test
    void fromJson_refusesMultiBitStatusAndNonCanonicalIndexes() {
        ObjectNode json = credential().toJson();
        ((ObjectNode) json.get("credentialStatus").get(0)).put("statusSize", 2);
        assertThat(reason(MembershipCredential.fromJson(json))).contains("statusSize must be 1");

        ObjectNode leadingZero = credential().toJson();
        ((ObjectNode) leadingZero.get("credentialStatus").get(0)).put("statusListIndex", "0094567");
        assertThat(reason(MembershipCredential.fromJson(leadingZero))).contains("statusListIndex");

        ObjectNode number = credential().toJson();
        ((ObjectNode) number.get("credentialStatus").get(0)).put("statusListIndex", 94567);
        assertThat(reason(MembershipCredential.fromJson(number))).contains("statusListIndex");

        ObjectNode huge = credential().toJson();
        ((ObjectNode) huge.get("credentialStatus").get(0)).put("statusListIndex", "99999999999");
        assertThat(reason(MembershipCredential.fromJson(huge))).contains("statusListIndex");
    }

    @Test
    void fromJson_refusesAStatusListUrlThatIsNotHttp() {
        ObjectNode json = credential().toJson();
        ((ObjectNode) json.get("credentialStatus").get(0)).put("statusListCredential", "file:///etc/passwd");
        assertThat(reason(MembershipCredential.fromJson(json))).contains("statusListCredential");
    }

    @Test
    void fromJson_refusesAValidityPeriodThatEndsBeforeItStarts() {
        ObjectNode json = credential().toJson();
        json.put("validUntil", "2024-03-01T08:00:00Z");
        assertThat(reason(MembershipCredential.fromJson(json))).contains("is not before validUntil");
        json.put("validUntil", "next year");
        assertThat(reason(MembershipCredential.fromJson(json))).contains("not a date-time stamp");
    }

    @Test
    void uscc_checksTheGb32100CheckCharacter() {
        assertThat(new LegalIdentifier.Uscc("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(new LegalIdentifier.Uscc("91110000600037341L").value()).endsWith("L");
        assertThatThrownBy(() -> new LegalIdentifier.Uscc("91350100M000100Y4")).hasMessageContaining("18 characters");
        assertThatThrownBy(() -> new LegalIdentifier.Uscc("91350100m000100Y43")).hasMessageContaining("18 characters");
        assertThatThrownBy(() -> new LegalIdentifier.Uscc("91350100M000100Y4O")).hasMessageContaining("18 characters");
    }

    @Test
    void maskedId_mustMaskSomething() {
        assertThat(new LegalIdentifier.MaskedId("3501**********123X").claim()).isEqualTo(MembershipClaim.MASKED_ID);
        assertThatThrownBy(() -> new LegalIdentifier.MaskedId("350100199001011234"))
                .hasMessageContaining("at least one '*'");
    }

    @Test
    void claims_areBoundedAndRolesSorted() {
        MembershipClaims claims = TestOperator.claims("did:web:p.example", Set.of("provider", "consumer", "auditor"));
        assertThat(claims.roles()).containsExactly("auditor", "consumer", "provider");
        assertThatThrownBy(() -> TestOperator.claims("not-a-did")).hasMessageContaining("not a DID");
        assertThatThrownBy(() -> TestOperator.claims("did:web:p.example", Set.of("bad role")))
                .hasMessageContaining("role");
        assertThatThrownBy(() -> new MembershipClaims(
                        "did:web:p.example",
                        "x".repeat(201),
                        new LegalIdentifier.Uscc("91350100M000100Y43"),
                        Set.of(),
                        "SUBSTANTIAL",
                        "I65",
                        "350100"))
                .hasMessageContaining("legalName");
        assertThatThrownBy(() -> new MembershipClaims(
                        "did:web:p.example",
                        "Name\u0000",
                        new LegalIdentifier.Uscc("91350100M000100Y43"),
                        Set.of(),
                        "SUBSTANTIAL",
                        "I65",
                        "350100"))
                .hasMessageContaining("control characters");
    }

    static String reason(Result<?> result) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        return ((Result.Failure<?>) result).reason();
    }
}
