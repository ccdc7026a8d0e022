package io.trustspace.identity.auth;

import io.trustspace.identity.credential.MembershipClaim;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A caller whose access token and membership credential checked out: what policies evaluate. Roles and claims are
 * only those the trust list accepts from the credential's issuer; a claim the issuer attested but this space does
 * not accept is absent. Immutable and thread-safe.
 *
 * @param did the caller's DID (the token's {@code iss}, equal to the credential subject)
 * @param issuer the operator that issued the credential
 * @param space the caller's space: the issuer's space on the trust list
 * @param credentialId the membership credential's id
 * @param credentialValidUntil when the membership credential expires
 */
public record VerifiedCaller(
        String did,
        String issuer,
        String space,
        Set<String> roles,
        Map<MembershipClaim, String> claims,
        String credentialId,
        Instant credentialValidUntil) {

    public VerifiedCaller {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(space, "space");
        SortedSet<String> sortedRoles = new TreeSet<>(roles);
        roles = Collections.unmodifiableSortedSet(sortedRoles);
        Map<MembershipClaim, String> copy = new EnumMap<>(MembershipClaim.class);
        copy.putAll(claims);
        claims = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(credentialValidUntil, "credentialValidUntil");
    }

    /** The accepted value of {@code claim}, if the credential has it and this space accepts it from the issuer. */
    public Optional<String> claim(MembershipClaim claim) {
        return Optional.ofNullable(claims.get(claim));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Optional<String> legalName() {
        return claim(MembershipClaim.LEGAL_NAME);
    }

    public Optional<String> verificationLevel() {
        return claim(MembershipClaim.VERIFICATION_LEVEL);
    }

    public Optional<String> industry() {
        return claim(MembershipClaim.INDUSTRY);
    }

    public Optional<String> region() {
        return claim(MembershipClaim.REGION);
    }

    /** DID, space and roles; the claims may be personal data and stay out of logs. */
    @Override
    public String toString() {
        return "VerifiedCaller[" + did + " of " + space + ", roles " + roles + ", issuer " + issuer + "]";
    }
}
