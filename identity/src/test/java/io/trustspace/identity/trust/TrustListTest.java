package io.trustspace.identity.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.identity.credential.MembershipClaim;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustListTest {

    private static final Map<MembershipClaim, String> CLAIMS = Map.of(
            MembershipClaim.LEGAL_NAME, "福建数据有限公司",
            MembershipClaim.USCC, "91350100M000100Y43",
            MembershipClaim.VERIFICATION_LEVEL, "SUBSTANTIAL",
            MembershipClaim.INDUSTRY, "I65",
            MembershipClaim.REGION, "350100");

    @Test
    void homeOperator_acceptsEveryRoleAndClaim() {
        TrustedIssuer home = TrustedIssuer.home("did:web:operator.b.example", "space-b");

        assertThat(home.filterRoles(Set.of("provider", "auditor"))).containsExactly("auditor", "provider");
        assertThat(home.filterClaims(CLAIMS)).isEqualTo(CLAIMS);
    }

    @Test
    void recognizedOperator_passesOnlyTheAgreedRolesAndClaims() {
        TrustedIssuer a = TrustedIssuer.recognized(
                "did:web:operator.a.example",
                "space-a",
                Set.of("provider", "consumer"),
                EnumSet.of(MembershipClaim.LEGAL_NAME, MembershipClaim.INDUSTRY, MembershipClaim.REGION));

        assertThat(a.filterRoles(Set.of("provider", "consumer", "operator"))).containsExactly("consumer", "provider");
        assertThat(a.filterClaims(CLAIMS))
                .containsOnlyKeys(MembershipClaim.LEGAL_NAME, MembershipClaim.INDUSTRY, MembershipClaim.REGION);
    }

    @Test
    void trustList_findsIssuersByDid_andRefusesDuplicates() {
        TrustedIssuer home = TrustedIssuer.home("did:web:operator.b.example", "space-b");
        TrustList list = TrustList.of(home);

        assertThat(list.issuer("did:web:operator.b.example")).contains(home);
        assertThat(list.issuer("did:web:operator.c.example")).isEmpty();
        assertThatThrownBy(() -> TrustList.of(home, TrustedIssuer.home("did:web:operator.b.example", "space-x")))
                .hasMessageContaining("listed twice");
    }

    @Test
    void trustedIssuer_refusesMalformedEntries() {
        assertThatThrownBy(() -> TrustedIssuer.home("operator.b.example", "space-b"))
                .hasMessageContaining("DID");
        assertThatThrownBy(() -> TrustedIssuer.home("did:web:operator.b.example", "space b"))
                .hasMessageContaining("space");
        assertThatThrownBy(() ->
                        new TrustedIssuer("did:web:operator.b.example", "space-b", true, Set.of("provider"), Set.of()))
                .hasMessageContaining("accepted roles");
    }
}
