package io.trustspace.identity.credential;

import java.util.Optional;

/**
 * The claims about a participant that a membership credential carries besides its DID, roles and space, with their
 * {@code credentialSubject} member names. A trust list names the claims it accepts from each issuer by these
 * constants; the rest are dropped before policies see them.
 */
public enum MembershipClaim {
    /** Registered legal name of the organisation. */
    LEGAL_NAME("legalName"),
    /** Unified social credit code (统一社会信用代码, GB 32100-2015). */
    USCC("uscc"),
    /** A masked identity number, for participants that are not registered organisations. */
    MASKED_ID("maskedId"),
    /** How thoroughly the operator verified the participant. */
    VERIFICATION_LEVEL("verificationLevel"),
    /** Industry classification. */
    INDUSTRY("industry"),
    /** Administrative region. */
    REGION("region");

    private final String jsonName;

    MembershipClaim(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The member name in {@code credentialSubject}. */
    public String jsonName() {
        return jsonName;
    }

    /** The claim for a {@code credentialSubject} member name. */
    public static Optional<MembershipClaim> fromJsonName(String name) {
        for (MembershipClaim claim : values()) {
            if (claim.jsonName.equals(name)) {
                return Optional.of(claim);
            }
        }
        return Optional.empty();
    }
}
