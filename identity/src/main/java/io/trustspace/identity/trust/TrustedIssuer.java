package io.trustspace.identity.trust;

import io.trustspace.identity.credential.DidUrl;
import io.trustspace.identity.credential.MembershipClaim;
import io.trustspace.identity.credential.MembershipCredential;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An operator whose membership credentials this space accepts, and how far: credentials must be for {@code space};
 * of their roles only {@code acceptedRoles} count (all of them if {@code allRoles}); of their claims only {@code
 * acceptedClaims}. The home operator is {@link #home}; another space's operator, recognised under a mutual
 * recognition agreement (跨空间身份互认), is {@link #recognized}. Immutable and thread-safe.
 */
public record TrustedIssuer(
        String did, String space, boolean allRoles, Set<String> acceptedRoles, Set<MembershipClaim> acceptedClaims) {

    public TrustedIssuer {
        if (!DidUrl.isDid(did)) {
            throw new IllegalArgumentException("trusted issuer is not a DID: " + did);
        }
        if (!MembershipCredential.isSpaceId(space)) {
            throw new IllegalArgumentException("not a space id: " + space);
        }
        SortedSet<String> roles = new TreeSet<>(acceptedRoles);
        acceptedRoles = Collections.unmodifiableSortedSet(roles);
        if (allRoles && !acceptedRoles.isEmpty()) {
            throw new IllegalArgumentException("list accepted roles only when not accepting all roles");
        }
        acceptedClaims = acceptedClaims.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(MembershipClaim.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(acceptedClaims));
    }

    /** This space's own operator: every role and every claim is accepted. */
    public static TrustedIssuer home(String did, String space) {
        return new TrustedIssuer(did, space, true, Set.of(), EnumSet.allOf(MembershipClaim.class));
    }

    /** Another space's operator, from whom only {@code roles} and {@code claims} are accepted. */
    public static TrustedIssuer recognized(String did, String space, Set<String> roles, Set<MembershipClaim> claims) {
        return new TrustedIssuer(did, space, false, roles, claims);
    }

    /** The roles of {@code roles} this space accepts from this issuer. */
    public Set<String> filterRoles(Set<String> roles) {
        SortedSet<String> kept = new TreeSet<>(roles);
        if (!allRoles) {
            kept.retainAll(acceptedRoles);
        }
        return Collections.unmodifiableSortedSet(kept);
    }

    /** The claims of {@code claims} this space accepts from this issuer; the others are dropped. */
    public Map<MembershipClaim, String> filterClaims(Map<MembershipClaim, String> claims) {
        Map<MembershipClaim, String> kept = new EnumMap<>(MembershipClaim.class);
        claims.forEach((claim, value) -> {
            if (acceptedClaims.contains(claim)) {
                kept.put(claim, value);
            }
        });
        return Collections.unmodifiableMap(kept);
    }
}
