package io.trustspace.identity.credential;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the operator attests about an admitted participant: the {@code credentialSubject} of its membership
 * credential, apart from the space (which is the issuer's). Immutable and thread-safe.
 *
 * <p>Limits, so that a credential stays far below the 16 KiB an access token may carry:
 *
 * <ul>
 *   <li>{@code subject}: the participant's DID ({@link DidUrl#isDid});
 *   <li>{@code legalName}, {@code industry}, {@code region}: 1 to {@value #MAX_TEXT_LENGTH} characters without control
 *       characters and without leading or trailing white space;
 *   <li>{@code roles}: 0 to {@value #MAX_ROLES} distinct names, each a letter then up to 63 letters, digits, {@code . _
 *       : -}; kept sorted;
 *   <li>{@code verificationLevel}: 1 to 32 letters, digits, {@code . _ -}.
 * </ul>
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the first field that breaks a rule.
 */
public record MembershipClaims(
        String subject,
        String legalName,
        LegalIdentifier legalIdentifier,
        Set<String> roles,
        String verificationLevel,
        String industry,
        String region) {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_ROLES = 16;

    private static final Pattern ROLE = Pattern.compile("[A-Za-z][A-Za-z0-9._:-]{0,63}");
    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

    public MembershipClaims {
        if (!DidUrl.isDid(subject)) {
            throw new IllegalArgumentException("subject " + DidUrl.quote(subject) + " is not a DID");
        }
        text("legalName", legalName);
        Objects.requireNonNull(legalIdentifier, "legalIdentifier");
        if (roles == null || roles.size() > MAX_ROLES) {
            throw new IllegalArgumentException("a participant has 0 to " + MAX_ROLES + " roles");
        }
        SortedSet<String> sorted = new TreeSet<>();
        for (String role : roles) {
            if (role == null || !ROLE.matcher(role).matches()) {
                throw new IllegalArgumentException("role " + DidUrl.quote(role)
                        + " must be a letter then up to 63 letters, digits, '.', '_', ':' or '-'");
            }
            sorted.add(role);
        }
        roles = Collections.unmodifiableSortedSet(sorted);
        if (verificationLevel == null || !LEVEL.matcher(verificationLevel).matches()) {
            throw new IllegalArgumentException("verificationLevel " + DidUrl.quote(verificationLevel)
                    + " must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
        text("industry", industry);
        text("region", region);
    }

    /** Every claim of {@link MembershipClaim} this subject has, by claim: exactly one of USCC and MASKED_ID. */
    public Map<MembershipClaim, String> asMap() {
        Map<MembershipClaim, String> claims = new EnumMap<>(MembershipClaim.class);
        claims.put(MembershipClaim.LEGAL_NAME, legalName);
        claims.put(legalIdentifier.claim(), legalIdentifier.value());
        claims.put(MembershipClaim.VERIFICATION_LEVEL, verificationLevel);
        claims.put(MembershipClaim.INDUSTRY, industry);
        claims.put(MembershipClaim.REGION, region);
        return Collections.unmodifiableMap(claims);
    }

    private static void text(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(field + " must have 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        if (CONTROL.matcher(value).find() || !value.strip().equals(value)) {
            throw new IllegalArgumentException(
                    field + " must not contain control characters or leading or trailing white space");
        }
    }
}
