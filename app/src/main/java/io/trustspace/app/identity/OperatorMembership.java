package io.trustspace.app.identity;

import io.trustspace.app.dsp.NodeMembership;
import io.trustspace.identity.credential.CredentialIssuer;
import io.trustspace.identity.credential.IssuedCredential;
import io.trustspace.identity.credential.LegalIdentifier;
import io.trustspace.identity.credential.MembershipClaims;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's own membership credential, issued by itself: it is how the operator authenticates to its
 * connectors (catalog harvest) and to peer spaces. Subject = issuer marks the operator (see
 * {@code AccessPolicies.isOperator}). Issued at start when none is installed or the installed one expires within
 * the renewal window.
 */
public final class OperatorMembership {

    public static final String ROLE = "space-operator";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final CredentialIssuer issuer;
    private final NodeMembership membership;
    private final String did;
    private final String name;
    private final Clock clock;

    public OperatorMembership(
            CredentialIssuer issuer, NodeMembership membership, String did, String name, Clock clock) {
        this.issuer = issuer;
        this.membership = membership;
        this.did = did;
        this.name = name;
        this.clock = clock;
    }

    public void ensure() {
        boolean fresh = membership
                .credential()
                .map(OperatorMembership::expiry)
                .map(expiry -> expiry.isAfter(clock.instant().plus(RENEW_BEFORE)))
                .orElse(false);
        if (fresh) {
            return;
        }
        IssuedCredential credential = issuer.issue(new MembershipClaims(
                did,
                name + " (operator)",
                new LegalIdentifier.MaskedId("OPERATOR*"),
                Set.of(ROLE),
                "HIGH",
                "I6450",
                "CN"));
        membership.install(credential.jwt()).orElseThrow();
    }

    /** The {@code validUntil} of a VC JWT we installed ourselves; the epoch when it cannot be read. */
    static Instant expiry(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            JsonNode payload = JsonMapper.builder()
                    .build()
                    .readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return Instant.parse(payload.path("validUntil").asString());
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
